package org.taizhang.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taizhang.common.AtomicFile;

/**
 * The files SQLite keeps beside the database ({@code -wal}, {@code -shm}), checked before SQLite sees them.
 *
 * <p>SQLite applies any valid write-ahead log it finds beside a database, without asking whether the log
 * belongs to that file: a {@code -wal} left by another program (or copied in with the wrong file) is
 * checkpointed into the database and destroys it. SQLite's WAL file carries no database identity, so
 * this class reads it as SQLite would (header magic, page size, salts, cumulative checksums, commit frames;
 * see <a href="https://www.sqlite.org/fileformat2.html#walformat">the WAL format</a>) and compares what
 * it would write against the database file:
 * <ul>
 * <li>its page size must be the database's;</li>
 * <li>a committed image of page 1 (the database header) must carry our application id, like the file;</li>
 * <li>without page 1 in the log, the database size after the last commit must equal the file's page
 *     count (every transaction that grows or shrinks the file rewrites page 1).</li>
 * </ul>
 * A log that fails is moved aside untouched, with its {@code -shm}, as {@code <name>-wal.foreign-<time>}
 * before the database is opened. A log SQLite would ignore anyway (no valid committed frame) is left.
 *
 * <p>Only called while this process holds the database lock: a live log of another process is never touched.
 */
final class Sidecars {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Sidecars() {
    }

    static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + "-wal");
    }

    static Path shm(Path db) {
        return db.resolveSibling(db.getFileName() + "-shm");
    }

    /**
     * Moves a foreign {@code -wal} (and its {@code -shm}) aside.
     *
     * @return the message for the user saying what was moved where, or empty when the log is ours or absent
     */
    static Optional<String> setAsideForeignLog(Path db) {
        Path wal = wal(db);
        String why;
        try {
            if (!Files.isRegularFile(wal) || Files.size(wal) == 0) {
                return Optional.empty();
            }
            why = foreignReason(db, wal);
        } catch (IOException e) {
            why = null; // unreadable: SQLite will report it in its own terms
        }
        if (why == null) {
            return Optional.empty();
        }
        String stamp = STAMP.format(LocalDateTime.now());
        List<String> moved = new ArrayList<>();
        try {
            for (Path side : List.of(wal, shm(db))) {
                if (Files.exists(side)) {
                    Path aside = side.resolveSibling(side.getFileName() + ".foreign-" + stamp);
                    Files.move(side, aside, StandardCopyOption.ATOMIC_MOVE);
                    moved.add("“" + side.getFileName() + "”→“" + aside.getFileName() + "”");
                }
            }
        } catch (IOException e) {
            throw new DatabaseException("数据库旁的日志文件“" + wal.getFileName() + "”不属于这个数据库（" + why + "），"
                    + "为保护数据库没有打开它，但也没能把日志移开：" + Database.ioReason(e)
                    + "。请把“" + wal.getFileName() + "”移到别处后重新打开。数据库文件未被改动。", e);
        }
        return Optional.of("数据库旁的日志文件不属于这个数据库（" + why + "），若让 SQLite 读入会覆盖台账数据。"
                + "已在打开前把它原样移开（同一文件夹）：" + String.join("，", moved) + "。台账数据没有受影响；"
                + "如果这些文件是其他软件的，请交还给它。");
    }

    /** Why the log does not belong to {@code db}, or null when it does (or SQLite would ignore it). */
    static String foreignReason(Path db, Path wal) throws IOException {
        if (AtomicFile.protectedAs(db) != null) {
            return null; // open in this process: its log is its own, and a raw read would drop SQLite's locks
        }
        byte[] head = new byte[100];
        long dbSize = Files.size(db);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ)) {
            ch.read(ByteBuffer.wrap(head), 0);
        }
        boolean dbEmpty = dbSize == 0;
        ByteBuffer d = ByteBuffer.wrap(head);
        int dbPageSize = dbEmpty ? 0 : pageSizeField(d.getShort(16) & 0xffff);
        int dbAppId = dbEmpty ? 0 : d.getInt(68);
        long dbPages = 0;
        if (!dbEmpty && dbPageSize > 0) {
            boolean headerSizeValid = d.getInt(92) == d.getInt(24) && d.getInt(28) != 0;
            dbPages = headerSizeValid ? d.getInt(28) & 0xffffffffL : dbSize / dbPageSize;
        }
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
            long walSize = ch.size();
            if (walSize < WAL_HEADER) {
                return null; // SQLite ignores a log without a complete header
            }
            ByteBuffer h = ByteBuffer.allocate(WAL_HEADER);
            ch.read(h, 0);
            h.flip();
            int magic = h.getInt(0);
            if (magic != 0x377f0682 && magic != 0x377f0683) {
                return "文件头不是 SQLite 日志的格式";
            }
            boolean bigEndian = (magic & 1) == 1;
            int pageSize = h.getInt(8);
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                return "日志的页大小 " + pageSize + " 无效";
            }
            int[] sum = checksum(h.array(), 0, 24, 0, 0, bigEndian);
            if (sum[0] != h.getInt(24) || sum[1] != h.getInt(28)) {
                return null; // SQLite treats a log with a bad header checksum as empty
            }
            if (!dbEmpty && pageSize != dbPageSize) {
                return "日志的页大小 " + pageSize + " 与数据库的 " + dbPageSize + " 不同";
            }
            int salt1 = h.getInt(16);
            int salt2 = h.getInt(20);
            // walk the frames as SQLite's recovery does; remember the last commit and page 1 up to it
            ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + pageSize);
            long offset = WAL_HEADER;
            byte[] pageOne = null;
            byte[] pageOneCandidate = null;
            long committedSize = -1;
            while (offset + FRAME_HEADER + pageSize <= walSize) {
                frame.clear();
                ch.read(frame, offset);
                frame.flip();
                byte[] f = frame.array();
                if (frame.getInt(8) != salt1 || frame.getInt(12) != salt2) {
                    break;
                }
                sum = checksum(f, 0, 8, sum[0], sum[1], bigEndian);
                sum = checksum(f, FRAME_HEADER, pageSize, sum[0], sum[1], bigEndian);
                if (sum[0] != frame.getInt(16) || sum[1] != frame.getInt(20)) {
                    break;
                }
                int pageNo = frame.getInt(0);
                if (pageNo == 1) {
                    pageOneCandidate = java.util.Arrays.copyOfRange(f, FRAME_HEADER, FRAME_HEADER + 100);
                }
                long sizeAfterCommit = frame.getInt(4) & 0xffffffffL;
                if (sizeAfterCommit != 0) {
                    committedSize = sizeAfterCommit;
                    pageOne = pageOneCandidate;
                }
                offset += FRAME_HEADER + pageSize;
            }
            if (committedSize < 0) {
                return null; // nothing committed: SQLite will not apply anything
            }
            if (pageOne != null) {
                if (!new String(pageOne, 0, 16, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
                    return "日志中的数据库文件头无效";
                }
                int appId = ByteBuffer.wrap(pageOne).getInt(68);
                if (appId != Database.APPLICATION_ID && !(appId == 0 && dbAppId == 0)) {
                    return "日志来自另一个数据库（" + (appId == 0 ? "其他软件的 SQLite 文件" : "应用标识 " + Integer.toHexString(appId)) + "）";
                }
                return null;
            }
            if (dbEmpty) {
                return "数据库文件是空的，日志却不含数据库文件头";
            }
            if (committedSize != dbPages) {
                return "日志记录的数据库大小（" + committedSize + " 页）与文件（" + dbPages + " 页）不符";
            }
            return null;
        }
    }

    /** SQLite's WAL checksum over {@code len} bytes (a multiple of 8) of {@code b} from {@code off}. */
    static int[] checksum(byte[] b, int off, int len, int s0, int s1, boolean bigEndian) {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < len; i += 8) {
            s0 += bb.getInt(off + i) + s1;
            s1 += bb.getInt(off + i + 4) + s0;
        }
        return new int[] {s0, s1};
    }

    private static int pageSizeField(int v) {
        return v == 1 ? 65536 : v;
    }

    /**
     * Gives {@code -wal}/{@code -shm} the permissions of the database file when they differ (a read-only
     * {@code -shm} left from a read-only session keeps SQLite read-only for good); removes a {@code -shm}
     * that cannot be repaired when there is no log (it holds nothing but an index SQLite rebuilds).
     */
    static void alignPermissions(Path db) {
        Set<PosixFilePermission> dbPerms;
        try {
            dbPerms = Files.getPosixFilePermissions(db);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        for (Path side : List.of(wal(db), shm(db))) {
            try {
                if (Files.isRegularFile(side) && !Files.getPosixFilePermissions(side).equals(dbPerms)) {
                    Files.setPosixFilePermissions(side, dbPerms);
                }
            } catch (IOException | RuntimeException e) {
                // not ours to change (another owner): handled below for -shm
            }
        }
        Path shm = shm(db);
        try {
            if (Files.isRegularFile(shm) && !Files.isWritable(shm) && Files.isWritable(db)
                    && (!Files.exists(wal(db)) || Files.size(wal(db)) == 0)) {
                Files.delete(shm);
            }
        } catch (IOException e) {
            // SQLite will then open read-only and say so
        }
    }
}
