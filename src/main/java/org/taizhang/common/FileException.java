package org.taizhang.common;

/**
 * A file the user named cannot be written or read as asked (open in Excel, read-only, disk full, one of the
 * program's own files …); the message says which file, why, and what to do. Nothing was changed.
 */
public class FileException extends UserException {
    public FileException(String message) {
        super(message);
    }

    public FileException(String message, Throwable cause) {
        super(message, cause);
    }
}
