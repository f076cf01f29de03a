package org.taizhang.io;

/** Progress of a preview or an import, and the user's wish to cancel it. */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {
    };

    /** {@code total} is -1 when unknown. */
    default void update(String phase, long done, long total) {
    }

    default boolean cancelled() {
        return false;
    }

    default void checkCancelled() {
        if (cancelled()) {
            throw new ImportCancelledException();
        }
    }
}
