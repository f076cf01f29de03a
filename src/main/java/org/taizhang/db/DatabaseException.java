package org.taizhang.db;

import org.taizhang.common.UserException;

/** A problem with the database file, worded for the user (Chinese), never a raw SQL error. */
public class DatabaseException extends UserException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
