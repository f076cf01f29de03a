package org.taizhang.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX test of the real main window: before each test a {@link MainWindow} is built on the test stage and
 * shown, and put into the test's {@code MainWindow} field (and its {@code Stage} field, if it has one). The one
 * start-up of every window test, instead of a {@code @Start} method in each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ApplicationExtension.class, WindowExtension.class})
public @interface WindowTest {
    /** With the start-up prompts of a real start (the 待办提醒 window, the first-start questions). */
    boolean startupPrompts() default false;
}
