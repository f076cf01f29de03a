package org.taizhang.io;

import java.util.List;
import org.taizhang.common.UserException;

/** The import was refused because some rows are wrong; nothing was written. */
public final class ImportRejectedException extends UserException {
    private final List<RejectedRow> rejected;

    public ImportRejectedException(String message, List<RejectedRow> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    public List<RejectedRow> rejected() {
        return rejected;
    }
}
