package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The database thread: results come back on the FX thread, and work asked for after close is dropped quietly. */
class BackgroundTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void resultArrivesOnTheFxThread() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicBoolean onFx = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        try (Background background = new Background(e -> { })) {
            background.run(() -> "𠮷１２３😀", r -> {
                seen.set(r);
                onFx.set(Platform.isFxApplicationThread());
                done.countDown();
            });
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen.get()).isEqualTo("𠮷１２３😀");
        assertThat(onFx).isTrue();
    }

    @Test
    void workAskedForAfterCloseIsDroppedNotThrown() throws Exception {
        Background background = new Background(e -> { throw new AssertionError("no error expected", e); });
        background.close();
        AtomicBoolean ran = new AtomicBoolean();
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                background.run(() -> { ran.set(true); return 1; }, r -> ran.set(true));
            } catch (Throwable e) {
                thrown.set(e);
            }
            checked.countDown();
        });
        assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
        CountDownLatch fxIdle = new CountDownLatch(1);
        Platform.runLater(fxIdle::countDown);
        assertThat(fxIdle.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(thrown.get()).isNull();
        assertThat(ran).isFalse();
        assertThat(background.busyProperty().get()).isFalse();
    }
}
