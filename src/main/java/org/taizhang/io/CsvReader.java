package org.taizhang.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CSV files as Excel and WPS save them: UTF-8 (with or without BOM) or GBK/GB18030, comma separated, quoted fields. */
final class CsvReader {
    private CsvReader() {
    }

    static String sheetName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String read(Path file, SheetReader.RowHandler handler) {
        String text;
        try {
            text = decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FileRefusedException("无法读取“" + file.getFileName() + "”：" + e.getMessage(), e);
        }
        handler.start(sheetName(file), -1);
        int row = 1;
        List<CellValue> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (!fieldStarted || field.isEmpty()) {
                        quoted = true;
                        fieldStarted = true;
                    } else {
                        field.append(ch);
                    }
                }
                case ',' -> {
                    cells.add(CellValue.text(field.toString()));
                    field.setLength(0);
                    fieldStarted = false;
                }
                case '\r' -> {
                    // handled with the following \n (or alone as a line end)
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    row = endRow(handler, row, cells, field);
                    fieldStarted = false;
                }
                case '\n' -> {
                    row = endRow(handler, row, cells, field);
                    fieldStarted = false;
                }
                default -> {
                    field.append(ch);
                    fieldStarted = true;
                }
            }
        }
        if (fieldStarted || !field.isEmpty() || !cells.isEmpty()) {
            endRow(handler, row, cells, field);
        }
        return sheetName(file);
    }

    private static int endRow(SheetReader.RowHandler handler, int row, List<CellValue> cells, StringBuilder field) {
        cells.add(CellValue.text(field.toString()));
        field.setLength(0);
        handler.row(new SheetRow(row, cells.toArray(CellValue[]::new)));
        cells.clear();
        return row + 1;
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030 (a superset of GBK). */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
