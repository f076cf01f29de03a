package org.taizhang.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The single background thread on which all database work runs, so the FX thread never blocks and
 * the one connection is never used by two threads at once. Results and errors come back on the FX
 * thread. {@link #busyProperty()} drives the status-bar spinner.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "taizhang-db");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Consumer<Throwable> defaultErrorHandler;

    public Background(Consumer<Throwable> defaultErrorHandler) {
        this.defaultErrorHandler = defaultErrorHandler;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} off the FX thread; {@code onSuccess} on the FX thread. Errors go to the default handler. */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, defaultErrorHandler);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        setBusy(running.incrementAndGet());
        try {
            submit(work, onSuccess, onError);
        } catch (RejectedExecutionException closed) {
            // this Background belongs to a database that was closed (switched, restored, window closing):
            // work a late timer still asks for has no database to run on and is dropped
            setBusy(running.decrementAndGet());
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    setBusy(running.decrementAndGet());
                    onSuccess.accept(result);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    setBusy(running.decrementAndGet());
                    onError.accept(e);
                });
            }
        });
    }

    private void setBusy(int n) {
        if (Platform.isFxApplicationThread()) {
            busy.set(n > 0);
        } else {
            Platform.runLater(() -> busy.set(running.get() > 0));
        }
    }

    /** Waits for queued work to finish (used when switching databases and in tests). */
    public void drain() {
        try {
            executor.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
