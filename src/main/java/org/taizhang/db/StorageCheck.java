package org.taizhang.db;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warns when the database sits on a network share or in a cloud-synced folder, where SQLite's file
 * locking is unreliable and a sync client may copy the file halfway through a write.
 */
public final class StorageCheck {
    private static final List<String> CLOUD_FOLDERS = List.of("onedrive", "dropbox", "坚果云", "nutstore", "百度网盘",
            "baidunetdisk", "baiduyunguanjia", "icloud", "mobile documents", "google drive", "googledrive", "wps云盘",
            "腾讯微云", "weiyun", "seafile", "nextcloud", "owncloud", "box sync");
    private static final List<String> NETWORK_TYPES = List.of("nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3",
            "afpfs", "webdav", "davfs", "fuse.sshfs", "sshfs", "9p", "ncpfs", "fuse.rclone");

    private StorageCheck() {
    }

    /** A plain-Chinese warning for {@code db}'s location, or empty when the location looks local. */
    public static Optional<String> warning(Path db) {
        Path abs = db.toAbsolutePath();
        String text = abs.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        String advice = "SQLite 数据库在这类位置上文件锁不可靠，同步软件还可能在写入一半时复制文件，导致数据损坏或丢失。"
                + "建议把数据库放在本机硬盘上（例如默认的用户数据目录），需要共享或带走时用“文件 → 备份到…”。";
        if (db.toString().startsWith("\\\\") || text.startsWith("\\\\") || db.toString().startsWith("//")) {
            return Optional.of("数据库位于网络共享文件夹（" + db + "）。" + advice);
        }
        for (Path part : abs) {
            String name = part.toString().toLowerCase(Locale.ROOT);
            for (String cloud : CLOUD_FOLDERS) {
                if (name.contains(cloud)) {
                    return Optional.of("数据库位于云同步文件夹“" + part + "”中。" + advice);
                }
            }
        }
        try {
            Path existing = abs;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                FileStore store = Files.getFileStore(existing);
                String type = store.type() == null ? "" : store.type().toLowerCase(Locale.ROOT);
                if (NETWORK_TYPES.contains(type) || lower.startsWith("/mnt/smb") || lower.startsWith("/net/")) {
                    return Optional.of("数据库位于网络驱动器（文件系统类型 " + store.type() + "）。" + advice);
                }
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // cannot tell: no warning
        }
        return Optional.empty();
    }
}
