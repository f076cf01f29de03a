package org.taizhang.attachment;

/** An attachment without its bytes: for lists. */
public record AttachmentInfo(int id, String ownerKind, int ownerId, String fileName, String mimeType, long sizeBytes,
                             String sha256, String addedAt) {

    /** "12.3 KB" */
    public String sizeText() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return String.format("%.1f KB", sizeBytes / 1024.0);
        }
        return String.format("%.1f MB", sizeBytes / (1024.0 * 1024));
    }
}
