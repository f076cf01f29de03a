package org.taizhang.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The database file is damaged. The damaged file has been moved aside untouched ({@link #damagedCopy()})
 * and the newest good backup, if any, is offered ({@link #newestBackup()}): the window offers to restore
 * it, the command line prints the {@code restore} command.
 */
public final class DatabaseDamagedException extends DatabaseException {
    private final Path original;
    private final Path damagedCopy;
    private final BackupInfo newestBackup;

    public DatabaseDamagedException(String message, Path original, Path damagedCopy, BackupInfo newestBackup, Throwable cause) {
        super(message, cause);
        this.original = original;
        this.damagedCopy = damagedCopy;
        this.newestBackup = newestBackup;
    }

    /** Where the database was (and where a restored backup goes). */
    public Path original() {
        return original;
    }

    /** Where the damaged file now is (null if it could not be moved). */
    public Path damagedCopy() {
        return damagedCopy;
    }

    public Optional<BackupInfo> newestBackup() {
        return Optional.ofNullable(newestBackup);
    }
}
