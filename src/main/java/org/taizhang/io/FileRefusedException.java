package org.taizhang.io;

import org.taizhang.common.UserException;

/** The file cannot be read as a spreadsheet at all; the message says why and what to do. */
public final class FileRefusedException extends UserException {
    public FileRefusedException(String message) {
        super(message);
    }

    public FileRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
