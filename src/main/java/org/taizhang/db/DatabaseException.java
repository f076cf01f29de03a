package org.taizhang.db;

/** A problem with the database file, worded for the user (Chinese), never a raw SQL error. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
