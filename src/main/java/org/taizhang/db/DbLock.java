package org.taizhang.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * "One writer per database file": an OS lock on {@code <db>.lock}. Opens inside this process share
 * the lock (reference counted); a second process gets {@code null} and opens read-only. The lock
 * file itself stays on disk (deleting it would race with another opener); only the lock matters.
 */
final class DbLock implements AutoCloseable {
    private static final Map<Path, Holder> HELD = new HashMap<>();

    private static final class Holder {
        FileChannel channel;
        FileLock lock;
        int count;
    }

    private final Path db;
    private boolean released;

    private DbLock(Path db) {
        this.db = db;
    }

    static Path lockFile(Path db) {
        return db.resolveSibling(db.getFileName() + ".lock");
    }

    /**
     * @return the lock, or null when another process holds it
     * @throws IOException when the lock file cannot be created (read-only folder, …)
     */
    static DbLock tryAcquire(Path db) throws IOException {
        synchronized (HELD) {
            Holder h = HELD.get(db);
            if (h != null) {
                h.count++;
                return new DbLock(db);
            }
            FileChannel ch = FileChannel.open(lockFile(db), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                ch.close();
                return null;
            }
            h = new Holder();
            h.channel = ch;
            h.lock = lock;
            h.count = 1;
            HELD.put(db, h);
            return new DbLock(db);
        }
    }

    /** How many open handles of this process share the lock of {@code db} (0: none). */
    static int holders(Path db) {
        synchronized (HELD) {
            Holder h = HELD.get(db);
            return h == null ? 0 : h.count;
        }
    }

    /** True when this process holds the lock of {@code db}. */
    static boolean heldHere(Path db) {
        synchronized (HELD) {
            return HELD.containsKey(db);
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Holder h = HELD.get(db);
            if (h == null || --h.count > 0) {
                return;
            }
            HELD.remove(db);
            try {
                h.lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            try {
                h.channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
