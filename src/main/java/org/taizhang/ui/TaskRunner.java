package org.taizhang.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs service calls for a view-model: {@code work} off the FX thread, then {@code onSuccess} or
 * {@code onError} back on it. The window uses {@link Background}; view-model tests use a runner that
 * calls straight through, so no stage is needed.
 */
@FunctionalInterface
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs everything at once on the calling thread (tests). */
    TaskRunner DIRECT = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };
}
