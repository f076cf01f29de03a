package org.taizhang.ui;

import javafx.application.Application;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The yardstick of {@code bench startup}: a bare JavaFX window (a TabPane with a TableView of a few rows) on the
 * same JDK and jars as Taizhang, started the same way. It reports through {@link StartupProbe} when drawn.
 */
public final class BareWindow extends Application {
    /** Not an {@code Application} main, so it starts from the class path like Taizhang's {@code Main}. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        TableView<String[]> table = new TableView<>();
        for (int c = 0; c < 3; c++) {
            int col = c;
            TableColumn<String[], String> column = new TableColumn<>("列 " + (c + 1));
            column.setCellValueFactory(d -> new SimpleStringProperty(d.getValue()[col]));
            table.getColumns().add(column);
        }
        for (int r = 0; r < 20; r++) {
            table.getItems().add(new String[] {"行 " + r, "数据", String.valueOf(r * 7)});
        }
        table.setId("bare-table");
        TabPane tabs = new TabPane(new Tab("第一页", table), new Tab("第二页"));
        Scene scene = new Scene(tabs, 1280, 800);
        stage.setScene(scene);
        stage.setTitle("bare");
        StartupProbe.whenFilled(scene, "bare-table");
        stage.show();
    }
}
