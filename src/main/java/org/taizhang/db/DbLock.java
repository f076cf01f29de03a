package org.taizhang.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        boolean unclean;
    }

    private final Path db;
    private final String previousStamp;
    private boolean released;

    private DbLock(Path db, String previousStamp) {
        this.db = db;
        this.previousStamp = previousStamp;
    }

    /**
     * What the lock file said when this process took the lock: {@link #stamp} of the database as the
     * last session left it after a clean close, "open" after a crash, "" for a new lock file. Null
     * when the lock was already held in this process (nothing to check then).
     */
    String previousStamp() {
        return previousStamp;
    }

    /** Size and modification time of the database file: if they differ at the next open, something changed it. */
    static String stamp(Path db) {
        try {
            return "clean " + Files.size(db) + " " + Files.getLastModifiedTime(db).toMillis();
        } catch (IOException e) {
            return "missing";
        }
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
                return new DbLock(db, null);
            }
            FileChannel ch = FileChannel.open(lockFile(db), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            String previous;
            try {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
                ch.read(buf, 0);
                previous = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
                write(ch, "open");
            } catch (IOException e) {
                lock.release();
                ch.close();
                throw e;
            }
            h = new Holder();
            h.channel = ch;
            h.lock = lock;
            h.count = 1;
            HELD.put(db, h);
            return new DbLock(db, previous);
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

    private static void write(FileChannel ch, String text) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
    }

    /** Releases after a clean close: the stamp lets the next open skip the integrity check. */
    @Override
    public void close() {
        close(true);
    }

    /** @param clean false when the database was not closed in a known-good state (the next open checks it) */
    void close(boolean clean) {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Holder h = HELD.get(db);
            if (h == null) {
                return;
            }
            h.unclean |= !clean;
            if (--h.count > 0) {
                return;
            }
            HELD.remove(db);
            try {
                write(h.channel, h.unclean ? "unchecked" : stamp(db));
            } catch (IOException ignored) {
                // then the next open simply checks the file
            }
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
