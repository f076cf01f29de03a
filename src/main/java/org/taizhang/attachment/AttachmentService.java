package org.taizhang.attachment;

import static org.taizhang.db.jooq.Tables.ATTACHMENT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.Texts;
import org.taizhang.common.ValidationException;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.AttachmentRecord;

/**
 * Files (photos, PDFs, sign-in sheets, certificates) kept as BLOBs inside the database, so that
 * emailing or backing up the one database file keeps them. Owners are identified by kind
 * ({@link #ACTIVITY}, {@link #HONOR} …) and id. Content is checked against its SHA-256 when saved out.
 */
public final class AttachmentService {
    public static final String ACTIVITY = "activity";
    public static final String HONOR = "honor";
    public static final String F_FILE = "附件";
    /** Larger files make the database slow to email and back up. */
    public static final long MAX_BYTES = 30L * 1024 * 1024;

    private static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"), Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("txt", "text/plain"), Map.entry("zip", "application/zip"), Map.entry("mp4", "video/mp4"));

    private final Database db;

    public AttachmentService(Database db) {
        this.db = db;
    }

    /** Copies {@code file} into the database as an attachment of (kind, id); returns the attachment id. */
    public int addFile(String ownerKind, int ownerId, Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new ValidationException(F_FILE, "找不到文件“" + file + "”，请确认路径");
        }
        org.taizhang.common.AtomicFile.refuseReading(file, "附件");
        byte[] bytes;
        try {
            long size = Files.size(file);
            checkSize(file.getFileName().toString(), size);
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ValidationException(F_FILE, "无法读取文件“" + file.getFileName() + "”：" + org.taizhang.common.OsErrors.describe(e));
        }
        return add(ownerKind, ownerId, file.getFileName().toString(), bytes);
    }

    /** Stores {@code content} under {@code fileName}; returns the attachment id. */
    public int add(String ownerKind, int ownerId, String fileName, byte[] content) {
        return db.tx(ctx -> add(ctx, ownerKind, ownerId, fileName, content));
    }

    /** Same, inside the caller's transaction. */
    public static int add(DSLContext ctx, String ownerKind, int ownerId, String fileName, byte[] content) {
        String name = Texts.cleanOrNull(fileName);
        if (name == null) {
            throw new ValidationException(F_FILE, "文件名不能为空");
        }
        if (content == null) {
            throw new ValidationException(F_FILE, "文件内容为空");
        }
        checkSize(name, content.length);
        AttachmentRecord rec = ctx.newRecord(ATTACHMENT);
        rec.setOwnerKind(ownerKind);
        rec.setOwnerId(ownerId);
        rec.setFileName(name);
        rec.setMimeType(mimeOf(name));
        rec.setSizeBytes(content.length);
        rec.setSha256(sha256(content));
        rec.setContent(content);
        rec.store();
        ChangeLog.insert(ctx, "attachment", rec.getId(), withoutContent(rec));
        return rec.getId();
    }

    private static void checkSize(String name, long size) {
        if (size > MAX_BYTES) {
            throw new ValidationException(F_FILE, String.format("文件“%s”有 %.1f MB，超过 %d MB 的上限；请压缩图片或拆分后再添加",
                    name, size / (1024.0 * 1024), MAX_BYTES / (1024 * 1024)));
        }
    }

    public List<AttachmentInfo> list(String ownerKind, int ownerId) {
        return db.read(ctx -> ctx.select(ATTACHMENT.ID, ATTACHMENT.OWNER_KIND, ATTACHMENT.OWNER_ID, ATTACHMENT.FILE_NAME,
                        ATTACHMENT.MIME_TYPE, ATTACHMENT.SIZE_BYTES, ATTACHMENT.SHA256, ATTACHMENT.ADDED_AT)
                .from(ATTACHMENT).where(ATTACHMENT.OWNER_KIND.eq(ownerKind).and(ATTACHMENT.OWNER_ID.eq(ownerId)))
                .orderBy(ATTACHMENT.ID)
                .fetch(r -> new AttachmentInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8())));
    }

    /** The stored bytes, checked against their SHA-256. */
    public byte[] content(int attachmentId) {
        AttachmentRecord rec = db.read(ctx -> ctx.selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(attachmentId)).fetchOne());
        if (rec == null) {
            throw new ValidationException(F_FILE, "附件不存在（编号 " + attachmentId + "），可能已被删除");
        }
        byte[] c = rec.getContent();
        if (!sha256(c).equals(rec.getSha256())) {
            throw new ValidationException(F_FILE, "附件“" + rec.getFileName() + "”的内容校验失败（数据库可能已损坏），请从备份恢复");
        }
        return c;
    }

    /**
     * Writes the attachment to {@code target} (a file, or a folder to put it in under its own name),
     * via a temp file and rename; returns the written path.
     */
    public Path saveTo(int attachmentId, Path target) {
        byte[] c = content(attachmentId);
        String name = db.read(ctx -> ctx.select(ATTACHMENT.FILE_NAME).from(ATTACHMENT).where(ATTACHMENT.ID.eq(attachmentId))
                .fetchOne(ATTACHMENT.FILE_NAME));
        Path out = Files.isDirectory(target) ? target.resolve(safeName(name)) : target;
        AtomicFile.write(out, o -> o.write(c));
        return out;
    }

    public void remove(int attachmentId) {
        db.txRun(ctx -> {
            AttachmentRecord rec = ctx.selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(attachmentId)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_FILE, "附件不存在（编号 " + attachmentId + "），可能已被删除");
            }
            rec.delete();
            ChangeLog.delete(ctx, "attachment", attachmentId, withoutContent(rec));
        });
    }

    /** Every attachment (with content) of an owner, inside the caller's transaction: for undo snapshots. */
    public static List<AttachmentRecord> recordsOf(DSLContext ctx, String ownerKind, List<Integer> ownerIds) {
        return ctx.selectFrom(ATTACHMENT).where(ATTACHMENT.OWNER_KIND.eq(ownerKind).and(ATTACHMENT.OWNER_ID.in(ownerIds)))
                .fetch();
    }

    /** The record minus its bytes, for the change log. */
    public static org.jooq.Record withoutContent(AttachmentRecord rec) {
        return rec.into(ATTACHMENT.ID, ATTACHMENT.OWNER_KIND, ATTACHMENT.OWNER_ID, ATTACHMENT.FILE_NAME, ATTACHMENT.SIZE_BYTES,
                ATTACHMENT.SHA256);
    }

    public static String mimeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME.getOrDefault(ext, "application/octet-stream");
    }

    private static String safeName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
