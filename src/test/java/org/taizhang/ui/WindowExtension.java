package org.taizhang.ui;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the {@link MainWindow} of a {@link WindowTest} on the stage TestFX has just set up, and injects it. */
public final class WindowExtension implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        boolean prompts = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WindowTest.class)
                .map(WindowTest::startupPrompts).orElse(false);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = new MainWindow(stage, prompts);
            stage.show();
            return w;
        }).get(60, TimeUnit.SECONDS);
        Object test = context.getRequiredTestInstance();
        for (Class<?> k = test.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (f.getType() == MainWindow.class) {
                    f.setAccessible(true);
                    f.set(test, window);
                } else if (f.getType() == Stage.class) {
                    f.setAccessible(true);
                    f.set(test, stage);
                }
            }
        }
    }
}
