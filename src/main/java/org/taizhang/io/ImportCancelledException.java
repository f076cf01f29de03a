package org.taizhang.io;

/** The user pressed 取消; nothing was written. */
public final class ImportCancelledException extends RuntimeException {
    public ImportCancelledException() {
        super("导入已取消，数据库没有任何改动。");
    }
}
