package org.taizhang.db;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One backup file: when it was made, why, its size and what it holds (counts are -1 when the file
 * could not be read).
 */
public record BackupInfo(Path file, LocalDateTime createdAt, String kind, long sizeBytes, RecordCounts counts) {
    /** Plain-Chinese label of {@link #kind()}. */
    public String kindLabel() {
        if (kind == null) {
            return "备份";
        }
        if (kind.equals(BackupService.KIND_DAILY)) {
            return "每日自动备份";
        }
        if (kind.equals(BackupService.KIND_MANUAL)) {
            return "手动备份";
        }
        if (kind.startsWith(BackupService.KIND_PREMIGRATION)) {
            return "升级前备份（数据版本 " + kind.substring(BackupService.KIND_PREMIGRATION.length()) + "）";
        }
        if (kind.startsWith(BackupService.KIND_BEFORE)) {
            return kind.substring(BackupService.KIND_BEFORE.length()) + "前的备份";
        }
        return kind;
    }

    /** "1.2 MB" */
    public String sizeText() {
        return BackupService.sizeText(sizeBytes);
    }
}
