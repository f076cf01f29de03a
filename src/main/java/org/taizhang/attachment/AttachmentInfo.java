package org.taizhang.attachment;

/** An attachment without its bytes: for lists. */
public record AttachmentInfo(int id, String ownerKind, int ownerId, String fileName, String mimeType, long sizeBytes,
                             String sha256, String addedAt) {

    /** "12.3 KB" */
    public String sizeText() {
        return org.taizhang.common.Numbers.fileSize(sizeBytes);
    }
}
