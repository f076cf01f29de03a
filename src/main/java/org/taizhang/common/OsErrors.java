package org.taizhang.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The one place that turns an operating-system error into Chinese: what happened and what to do.
 * Java reports these as English OS text ("No space left on device", "Read-only file system", …);
 * nothing of that reaches the user raw.
 */
public final class OsErrors {
    /** The kinds of failure a clerk can do something about. */
    public enum Kind {
        DISK_FULL, READ_ONLY_MEDIUM, PERMISSION, LOCKED, NOT_FOUND, NAME_TOO_LONG, IO_ERROR, OTHER
    }

    private OsErrors() {
    }

    /** The kind of {@code e}, looking at the type and the (English, German, Chinese …) OS text. */
    public static Kind kind(IOException e) {
        String m = text(e);
        if (m.contains("no space left") || m.contains("not enough space") || m.contains("disk full")
                || m.contains("磁盘空间不足") || m.contains("quota exceeded") || m.contains("file too large")) {
            return Kind.DISK_FULL;
        }
        if (m.contains("read-only file system") || m.contains("write-protected") || m.contains("write protected")
                || m.contains("写保护")) {
            return Kind.READ_ONLY_MEDIUM;
        }
        if (m.contains("used by another process") || m.contains("另一个程序") || m.contains("locked a portion")
                || m.contains("sharing violation") || m.contains("text file busy") || m.contains("resource busy")) {
            return Kind.LOCKED;
        }
        if (e instanceof AccessDeniedException || m.contains("permission denied") || m.contains("access is denied")
                || m.contains("operation not permitted") || m.contains("拒绝访问")) {
            return Kind.PERMISSION;
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException || m.contains("no such file")) {
            return Kind.NOT_FOUND;
        }
        if (m.contains("file name too long") || m.contains("filename too long") || m.contains("name too long")) {
            return Kind.NAME_TOO_LONG;
        }
        if (m.contains("input/output error") || m.contains("i/o error") || m.contains("device not ready")
                || m.contains("stale file handle") || m.contains("no such device")) {
            return Kind.IO_ERROR;
        }
        return Kind.OTHER;
    }

    /**
     * What went wrong and what to do, in Chinese, for a failure on {@code file} (may be null).
     * The OS text is kept in brackets only when no plain explanation applies.
     */
    public static String describe(IOException e) {
        return switch (kind(e)) {
            case DISK_FULL -> "磁盘空间不足。请清理磁盘（删除不需要的文件、清空回收站）后重试，或换一个有空间的位置";
            case READ_ONLY_MEDIUM -> "所在的磁盘或共享文件夹是只读的（如光盘、写保护的 U 盘、只读的网络共享）。请换一个可以写入的位置";
            case LOCKED -> "文件正被其他程序占用（如 Excel、Word、WPS、杀毒或同步软件）。请关闭占用它的程序后重试";
            case PERMISSION -> "没有权限写入（文件或文件夹是只读的，或属于其他用户）。请去掉“只读”属性、换一个文件夹，或请管理员开通权限";
            case NOT_FOUND -> "找不到文件或文件夹" + where(e) + "。请检查路径是否正确、U 盘或网络盘是否仍然连接";
            case NAME_TOO_LONG -> "文件名或路径太长。请换一个短一些的文件名或文件夹";
            case IO_ERROR -> "读写磁盘时出错（磁盘、U 盘或网络可能有问题，或设备已被拔出）。请检查设备后重试";
            case OTHER -> "操作系统报告：" + raw(e);
        };
    }

    /** The first {@link IOException} in the cause chain of {@code t} (POI and others wrap them), or null. */
    public static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String where(IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? "“" + f.getFile() + "”" : "";
    }

    private static String raw(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason();
            String file = f.getFile();
            if (reason != null) {
                return reason + (file != null ? "（" + file + "）" : "");
            }
            if (file != null) {
                return e.getClass().getSimpleName() + "（" + file + "）";
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String text(IOException e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null && b.length() < 2000; c = c.getCause()) {
            b.append(c.getMessage()).append(' ');
            if (c instanceof FileSystemException f && f.getReason() != null) {
                b.append(f.getReason()).append(' ');
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
