package org.taizhang.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.taizhang.db.DataDirectory;

/** The JavaFX application: opens the main window on the chosen (or default) database. */
public final class TaizhangApp extends Application {
    private static volatile Path databasePath;

    /** Starts the window on {@code db} and returns when it is closed. */
    public static void launchWith(Path db) {
        databasePath = db;
        // the database opens and the roster is read while JavaFX starts (two threads, one of them the toolkit's)
        FirstScreen.startAhead(db != null ? db : DataDirectory.defaultDatabase());
        Application.launch(TaizhangApp.class);
    }

    @Override
    public void start(Stage stage) {
        // a bug nobody caught (in an event handler, a background callback …) is logged and shown with its reference
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (Platform.isFxApplicationThread()) {
                Dialogs.error(stage, e);
            } else {
                Platform.runLater(() -> Dialogs.error(stage, e));
            }
        });
        MainWindow window = new MainWindow(stage, true);
        stage.show();
        window.open(databasePath != null ? databasePath : DataDirectory.defaultDatabase());
    }
}
