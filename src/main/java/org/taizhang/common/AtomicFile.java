package org.taizhang.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one routine that writes a file the user will see (exports, reports, rejects, attachments, charts,
 * backups): a hidden temp file in the target's folder → fsync → atomic rename over the target, so the
 * target is either the old file or the complete new one, never half-written.
 *
 * <p>Before anything is written it refuses, with a Chinese message and nothing touched:
 * <ul>
 * <li>the program's own files ({@link #protect registered} by whoever opened them: the database, its
 *     -wal/-shm/-journal/.lock) and the inputs of the same command — compared by real identity
 *     (links resolved, same file key), not by spelling;</li>
 * <li>a document written over an existing SQLite database file (a mistyped name would destroy it);</li>
 * <li>a folder, a device or a pipe as target; a file open in Excel, Word or WPS (their {@code ~$} owner file),
 *     a read-only file.</li>
 * </ul>
 * OS failures (disk full, read-only medium, permission, locked) are reported through {@link OsErrors}.
 * Temp files left by a killed process are removed by {@link #cleanStaleTemps} (called on start and before
 * each write into a folder).
 */
public final class AtomicFile {
    /** Writes the new content to {@code out}; the stream is closed by AtomicFile. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the new content to the file {@code temp} (for APIs that want a path: the SQLite backup, copies). */
    @FunctionalInterface
    public interface FileBody {
        void write(Path temp) throws IOException;
    }

    /** A registration of protected files; closing it lifts the protection. */
    public static final class Protection implements AutoCloseable {
        private final List<Path> paths;
        private final String what;

        private Protection(List<Path> paths, String what) {
            this.paths = paths;
            this.what = what;
        }

        @Override
        public void close() {
            PROTECTED.remove(this);
        }
    }

    private static final List<Protection> PROTECTED = new CopyOnWriteArrayList<>();
    static final String TEMP_PREFIX = ".~taizhang-";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern TEMP = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "(\\d+)-.*" + Pattern.quote(TEMP_SUFFIX));
    /** Temp and partial names of earlier versions, removed when older than an hour. */
    private static final Pattern LEGACY = Pattern.compile("\\.(taizhang-.*\\.tmp|.*\\.db\\.partial|~.*-\\d+\\.tmp)");

    private AtomicFile() {
    }

    /**
     * Protects {@code paths} (they need not exist yet) from being written by AtomicFile until the returned
     * registration is closed. {@code what} names them for the message, e.g. "正在使用的数据库文件".
     */
    public static Protection protect(String what, Path... paths) {
        Protection p = new Protection(List.of(paths).stream().map(AtomicFile::canonical).toList(), what);
        PROTECTED.add(p);
        return p;
    }

    /**
     * Writes a document to {@code target} through a temp file; {@code inputs} are files the same command reads
     * (the imported sheet …), which must not be overwritten.
     *
     * @return the absolute path written
     * @throws FileException when the target is refused or cannot be written; the target is then unchanged
     */
    public static Path write(Path target, StreamBody body, Path... inputs) {
        Path abs = prepare(target, true, inputs);
        return commit(abs, temp -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                body.write(out);
                out.flush();
                ch.force(true);
            }
        });
    }

    /** {@link #write} for content produced as a file (SQLite backup API, file copies); may replace a database file. */
    public static Path writeFile(Path target, FileBody body, Path... inputs) {
        Path abs = prepare(target, false, inputs);
        return commit(abs, temp -> {
            body.write(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        });
    }

    /**
     * Throws when {@code target} is a protected file or one of {@code inputs}; for callers that write
     * through other means (e.g. SQLite itself) but must honour the same rule.
     */
    public static void refuseProtected(Path target, Path... inputs) {
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && sameFile(abs, in)) {
                throw new FileException("不能把结果写到“" + abs.getFileName() + "”：它就是本次操作正在读取的文件，写入会把它覆盖。"
                        + "请换一个文件名或位置。没有写入任何内容。");
            }
        }
        Match m = protectedMatch(abs);
        if (m != null) {
            throw new FileException("不能把结果写到“" + abs.getFileName() + "”：它是" + m.what() + "（" + m.file().getFileName()
                    + "），写入会毁掉数据。请换一个文件名或位置。没有写入任何内容。");
        }
    }

    /** What {@code p} is when it is one of the protected files (the open database, its -wal, -shm, lock …), else null. */
    public static String protectedAs(Path p) {
        Match m = protectedMatch(p.toAbsolutePath().normalize());
        return m == null ? null : m.what();
    }

    /** A protected file {@code abs} is: what it was protected as, and the protected path it matched. */
    private record Match(String what, Path file) {
    }

    private static Match protectedMatch(Path abs) {
        for (Protection pr : PROTECTED) {
            for (Path q : pr.paths) {
                if (sameFile(abs, q)) {
                    return new Match(pr.what, q);
                }
            }
        }
        return null;
    }

    /**
     * Refuses to read {@code input} as {@code asWhat} ("Excel 表格", "数据包", "附件" …) when it is one of the protected
     * files. Besides making no sense, reading them would harm the open database: POSIX locks belong to the process and
     * closing ANY descriptor of a file releases them all, so opening and closing the database (or its -wal/-shm) here
     * would silently drop SQLite's own locks, and another program could then delete the log this process still
     * writes to. Every reader of a file the user names calls this before opening it.
     */
    public static void refuseReading(Path input, String asWhat) {
        String what = protectedAs(input);
        if (what != null) {
            Path name = input.toAbsolutePath().normalize().getFileName();
            throw new FileException("“" + name + "”是" + what + "（或它的日志、锁文件），不能当作" + asWhat
                    + "读取。请选择其他文件。数据库没有受影响。");
        }
    }

    /** True when {@code a} and {@code b} are the same file: same file key if both exist, else same real path. */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException | SecurityException e) {
            // fall back to comparing paths
        }
        Path ca = canonical(a);
        Path cb = canonical(b);
        return ca.equals(cb) || isWindows() && ca.toString().equalsIgnoreCase(cb.toString());
    }

    /** The real path of {@code p} (links resolved), or of its parent plus its name when it does not exist. */
    public static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException | SecurityException e) {
            Path parent = abs.getParent();
            if (parent != null && abs.getFileName() != null) {
                return canonical(parent).resolve(abs.getFileName().toString());
            }
            return abs;
        }
    }

    /**
     * Removes temp files of AtomicFile left in {@code folder} by a process that no longer runs (killed,
     * power cut), and partial files of earlier versions older than an hour.
     *
     * @return how many files were removed
     */
    public static int cleanStaleTemps(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                Matcher m = TEMP.matcher(n);
                boolean stale;
                if (m.matches()) {
                    stale = !alive(m.group(1));
                } else {
                    stale = LEGACY.matcher(n).matches() && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(hourAgo) < 0;
                }
                if (stale && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a folder we cannot list has nothing of ours to clean
        }
        return removed;
    }

    private static boolean alive(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- internals

    private static Path prepare(Path target, boolean document, Path... inputs) {
        if (target == null) {
            throw new FileException("没有给出要写入的文件名。");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new FileException("“" + target + "”不是文件名，请给出要写入的文件。");
        }
        String name = abs.getFileName().toString();
        refuseProtected(abs, inputs);
        if (Files.isDirectory(abs)) {
            throw new FileException("“" + abs + "”是一个文件夹，请给出要写入的文件名。没有写入任何内容。");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new FileException("“" + abs + "”不是普通文件（是设备、管道或其他特殊文件），不能写入。请换一个文件名。");
        }
        if (document && isSqliteFile(abs)) {
            throw new FileException("“" + name + "”是一个数据库文件（可能是台账数据库或它的备份），不能用导出的内容覆盖它。"
                    + "请换一个文件名。没有写入任何内容。");
        }
        if (openInOffice(abs)) {
            throw new FileException(lockedMessage(name));
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new FileException("“" + name + "”是只读文件，不能覆盖。请去掉它的“只读”属性，或换一个文件名。没有写入任何内容。");
        }
        Path folder = abs.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            // never create folders silently: a typo or an unplugged USB stick must not scatter files elsewhere
            throw new FileException("文件夹“" + folder + "”不存在（U 盘或网络盘是否已断开？）。请先建好文件夹或换一个位置。没有写入任何内容。");
        }
        return abs;
    }

    private static Path commit(Path abs, FileBody body) {
        Path folder = abs.getParent();
        cleanStaleTemps(folder);
        Path tmp = null;
        try {
            tmp = newTemp(folder, abs);
            body.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            fsyncDirectory(folder);
            return abs;
        } catch (IOException e) {
            throw failure(abs, e);
        } catch (RuntimeException e) {
            IOException io = OsErrors.ioCause(e);
            if (io != null && !(e instanceof UserException)) {
                throw failure(abs, io);
            }
            throw e;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed at the next start by cleanStaleTemps
                }
            }
        }
    }

    /**
     * A temp file with the permissions a new file gets in that folder (not the 0600 of createTempFile),
     * or those of the file it replaces.
     */
    private static Path newTemp(Path folder, Path target) throws IOException {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            Path tmp = folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(r.nextLong(), 36)
                    + TEMP_SUFFIX);
            try {
                Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            try {
                if (Files.exists(target)) {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                }
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system, or not ours to change: the default is fine
            }
            return tmp;
        }
    }

    private static FileException failure(Path abs, IOException e) {
        String name = abs.getFileName().toString();
        OsErrors.Kind kind = OsErrors.kind(e);
        if (kind == OsErrors.Kind.LOCKED || kind == OsErrors.Kind.PERMISSION && Files.exists(abs) && isWindows()) {
            return new FileException(lockedMessage(name), e);
        }
        return new FileException("无法写入“" + abs + "”：" + OsErrors.describe(e) + "。原有文件（如有）没有改动。", e);
    }

    /** The message for a target open in an Office program. */
    public static String lockedMessage(String name) {
        return "“" + name + "”正在被 Excel、Word 或 WPS 打开，无法覆盖。请先关闭这个文件再试，或换一个文件名。没有写入任何内容。";
    }

    /** Excel, Word and WPS keep an owner file "~$name" (first two letters dropped on long names), LibreOffice ".~lock.name#". */
    public static boolean openInOffice(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return false;
        }
        String n = file.getFileName().toString();
        List<String> owners = new ArrayList<>(List.of("~$" + n, ".~lock." + n + "#"));
        if (n.length() > 2) {
            owners.add("~$" + n.substring(2));
        }
        for (String o : owners) {
            if (Files.exists(folder.resolve(o))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSqliteFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(16), StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (IOException e) {
            return false;
        }
    }

    /** fsync of a folder after a rename, where the platform allows it (not on Windows). */
    public static void fsyncDirectory(Path dir) {
        if (dir == null || isWindows()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not possible on every file system; the rename is still atomic
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    }
}
