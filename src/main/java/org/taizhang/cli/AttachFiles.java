package org.taizhang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;

/** The --attach files of {@code activity add} and {@code honor add}: all checked before the record is saved, added after. */
final class AttachFiles {
    private AttachFiles() {
    }

    /** Refuses the command when a file does not exist; {@code record} names what is then not saved (活动, 荣誉). */
    static void requireAll(List<Path> files, String record) {
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new ValidationException(AttachmentService.F_FILE, "找不到文件“" + p + "”，" + record + "未保存");
            }
        }
    }

    /** Adds every file to the record {@code ownerKind} #{@code ownerId}. */
    static void addAll(Database db, String ownerKind, int ownerId, List<Path> files) {
        AttachmentService att = new AttachmentService(db);
        for (Path p : files) {
            att.addFile(ownerKind, ownerId, p);
        }
    }
}
