package org.taizhang.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.taizhang.common.AtomicFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the rows of one sheet of an .xlsx workbook (streaming) or of a .csv file, after checking
 * what the file really is: a legacy .xls, a password-protected workbook, a renamed Word file or a
 * text file are refused with a message that says what to do.
 */
public final class SheetReader {
    /** Receives rows in order; may throw {@link ImportCancelledException} to stop. */
    @FunctionalInterface
    public interface RowHandler {
        void row(SheetRow row);

        /** Told once, before the first row: the sheet's name and how many rows it has (-1 when unknown). */
        default void start(String sheet, int rows) {
        }
    }

    enum Format { XLSX, CSV }

    private SheetReader() {
    }

    /** The sheet names of a workbook (a CSV file has one, named after the file). */
    public static List<String> sheetNames(Path file) {
        return switch (detect(file)) {
            case XLSX -> XlsxReader.sheetNames(file);
            case CSV -> List.of(CsvReader.sheetName(file));
        };
    }

    /**
     * Streams the rows of {@code sheet} (null = the first sheet) to {@code handler}.
     *
     * @return the name of the sheet read
     */
    public static String read(Path file, String sheet, RowHandler handler) {
        return switch (detect(file)) {
            case XLSX -> XlsxReader.read(file, sheet, handler);
            case CSV -> CsvReader.read(file, handler);
        };
    }

    static Format detect(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new FileRefusedException("找不到文件“" + file + "”。");
        }
        if (Files.isDirectory(file)) {
            throw new FileRefusedException("“" + name + "”是一个文件夹，请选择 .xlsx 文件。");
        }
        AtomicFile.refuseReading(file, "要导入的表格");
        String lower = name.toLowerCase(Locale.ROOT);
        FileMagic magic;
        try {
            if (Files.size(file) == 0) {
                throw new FileRefusedException("“" + name + "”是一个空文件（0 字节），里面没有任何数据。");
            }
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
        } catch (IOException e) {
            throw new FileRefusedException("无法读取“" + name + "”：" + e.getMessage(), e);
        }
        switch (magic) {
            case OOXML:
                return Format.XLSX;
            case OLE2:
                throw new FileRefusedException(describeOle2(file, name));
            case BIFF2, BIFF3, BIFF4:
                throw new FileRefusedException("“" + name + "”是很旧的 Excel（.xls）文件。请用 Excel 或 WPS 打开它，"
                        + "“另存为” Excel 工作簿（.xlsx）后再导入。");
            default:
                break;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return Format.CSV;
        }
        String what = switch (magic) {
            case PDF -> "PDF 文件";
            case HTML, XML -> "网页/XML 文件（有些系统导出的“Excel”其实是网页，请用 Excel 打开后另存为 .xlsx）";
            case RTF, WORD2, MSWRITE -> "Word/文本文档";
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> "图片";
            default -> looksLikeText(file) ? "文本文件（如果是 CSV，请把扩展名改为 .csv）" : "无法识别的文件";
        };
        throw new FileRefusedException("“" + name + "”不是 Excel 工作簿（.xlsx），文件内容看起来是" + what
                + "，可能是改了扩展名。请用 Excel 或 WPS 打开原文件，另存为 .xlsx 后再导入。");
    }

    private static boolean looksLikeText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describeOle2(Path file, String name) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return "“" + name + "”设置了打开密码（已加密），无法读取。请在 Excel 中打开它，"
                        + "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存，再导入。";
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return "“" + name + "”是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开它，"
                        + "“另存为” Excel 工作簿（.xlsx）后再导入。";
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return "“" + name + "”是 Word 文档（.doc），不是 Excel 工作簿。";
            }
        } catch (IOException | RuntimeException e) {
            return "“" + name + "”已损坏，无法读取（" + e.getMessage() + "）。";
        }
        return "“" + name + "”不是 Excel 工作簿（是其他 Office 旧格式文件）。请另存为 .xlsx 后再导入。";
    }
}
