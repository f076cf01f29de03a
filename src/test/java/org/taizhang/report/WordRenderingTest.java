package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.demo.DistrictExample;

/**
 * Checked by rendering, not only by XML: the district summary is exported, converted to PDF by LibreOffice
 * headless, and the PDF text is checked page by page — at most 22 lines of body text a page and 28
 * characters a line (GB/T 9704), no table cell breaking a date or a short name, and the 落款 not alone on
 * its page. Skipped, saying why, when LibreOffice (soffice) or poppler (pdftotext) is not installed.
 */
class WordRenderingTest {
    @TempDir
    Path dir;

    private static boolean has(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("tool.log").toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + Files.readString(dir.resolve("tool.log"))).isZero();
    }

    @Test
    void theExportedSummaryRendersAsAnOfficialDocument() throws Exception {
        Assumptions.assumeTrue(has("soffice"), "LibreOffice (soffice) is not installed: the rendering check is skipped");
        Assumptions.assumeTrue(has("pdftotext"), "poppler-utils (pdftotext) is not installed: the rendering check is skipped");
        Path docx = dir.resolve("district.docx");
        SummaryContent c;
        List<ReportDocument.Appendix> appendices;
        try (Database db = TestDb.open(dir)) {
            DistrictExample.Ids ids = DistrictExample.load(db);
            SummaryComposer composer = new SummaryComposer(db, Fixtures.clockAt(LocalDate.of(2021, 7, 6), ZoneOffset.UTC));
            c = composer.draft(ids.root(), DistrictExample.FROM, DistrictExample.TO, SummaryTemplate.BOTH, null)
                    .withAppendices(List.of("stats", "honors", "activities"));
            composer.export(c, docx);
            appendices = composer.appendices(c);
        }
        // a profile of its own, so that a LibreOffice the user (or another test) has open does not interfere
        run(dir, List.of("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", dir.toString(), docx.toString()));
        Path pdf = dir.resolve("district.pdf");
        assertThat(pdf).exists();
        run(dir, List.of("pdftotext", "-layout", pdf.toString(), dir.resolve("district.txt").toString()));
        // pdftotext puts spaces between digits and Chinese characters ("2021 年 7 月 6 日") and between cells: drop them
        String[] pages = Files.readString(dir.resolve("district.txt"), StandardCharsets.UTF_8).replaceAll("[ \t\u00a0\u3000]+", "")
                .split("\f");
        if (System.getProperty("taizhang.rendering.keep") != null) {
            Files.copy(pdf, Path.of(System.getProperty("taizhang.rendering.keep")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(docx, Path.of(System.getProperty("taizhang.rendering.keep") + ".docx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dir.resolve("district.txt"), Path.of(System.getProperty("taizhang.rendering.keep") + ".txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> body = new ArrayList<>();
        int firstAppendix = -1;
        for (int i = 0; i < pages.length; i++) {
            if (pages[i].strip().startsWith("附件") && firstAppendix < 0) {
                firstAppendix = i;
            }
        }
        assertThat(firstAppendix).as("appendix pages").isGreaterThan(0);
        String sign = org.taizhang.common.Numbers.date(c.signDate());
        boolean signed = false;
        assertThat(pages[0].strip()).as("the title comes first").startsWith("大鹏新区群团工作部2021年上半年");
        for (int i = 0; i < firstAppendix; i++) {
            List<String> lines = textLines(pages[i]);
            // 22 lines of body text a page at most (the page number is not one of them; the title is bigger)
            assertThat(lines.size()).as("lines on page " + (i + 1) + ":\n" + String.join("\n", lines)).isLessThanOrEqualTo(22);
            for (String l : lines) {
                assertThat(cjkLength(l)).as("characters in the line “" + l + "” on page " + (i + 1)).isLessThanOrEqualTo(28);
            }
            if (lines.stream().anyMatch(l -> l.strip().equals(sign))) {
                signed = true;
                // the 落款 shares its page with the end of the text
                long others = lines.stream().filter(l -> !l.strip().equals(sign) && !l.strip().equals(c.signOrg())).count();
                assertThat(others).as("the 落款 is alone on page " + (i + 1)).isGreaterThanOrEqualTo(3);
            }
            body.addAll(lines);
        }
        assertThat(signed).as("the 落款 date " + sign + " is on a body page").isTrue();
        // the first pages carry the text the composer wrote
        String text = String.join("", body).replaceAll("\\s+", "");
        assertThat(text).contains("全国五四红旗团支部").contains("马路天使");
        // tables: no cell breaks a date or a short name — each is found whole as often as the tables hold it
        String tables = String.join("\n", java.util.Arrays.asList(pages).subList(firstAppendix, pages.length));
        java.util.Map<String, Integer> cells = new java.util.HashMap<>();
        for (ReportDocument.Appendix a : appendices) {
            for (List<String> row : a.rows()) {
                for (String cell : row) {
                    if (cell.matches("(20[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}日") || cell.codePointCount(0, cell.length()) <= 8 && !cell.matches("[0-9.]+")) {
                        cells.merge(cell, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(cells).containsKey("5月4日").containsKey("新区义工联");
        // tables are compact: thousands separated, short dates, and the 42 honours take few pages — every
        // page of the 荣誉名单 but its last holds at least 18 rows (it held 8 in body-size type on the grid)
        assertThat(tables).contains("13,493").doesNotContain("2021年5月4日");
        int honoursStart = -1;
        int honoursEnd = pages.length;
        for (int i = firstAppendix; i < pages.length; i++) {
            if (pages[i].contains("获得荣誉名单")) {
                honoursStart = i;
            } else if (honoursStart >= 0 && pages[i].strip().startsWith("附件") && honoursEnd == pages.length) {
                honoursEnd = i;
            }
        }
        assertThat(honoursStart).as("the honours appendix").isPositive();
        assertThat(honoursEnd - honoursStart).as("pages of the 荣誉名单").isLessThanOrEqualTo(3);
        for (int i = honoursStart; i < honoursEnd - 1; i++) {
            long rows = java.util.regex.Pattern.compile("[0-9]{1,2}月[0-9]{1,2}日").matcher(pages[i]).results().count();
            assertThat(rows).as("honour rows on page " + (i + 1)).isGreaterThanOrEqualTo(18);
        }
        // no body page before the last is left mostly empty by headings kept with what follows
        for (int i = 0; i < firstAppendix - 1; i++) {
            assertThat(textLines(pages[i]).size()).as("lines on page " + (i + 1)).isGreaterThanOrEqualTo(15);
        }
        for (var e : cells.entrySet()) {
            assertThat(count(tables, e.getKey())).as("“" + e.getKey() + "” printed whole in the tables").isGreaterThanOrEqualTo(e.getValue());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** Non-empty lines of a page without the page number "— 3 —". */
    private static List<String> textLines(String page) {
        List<String> out = new ArrayList<>();
        for (String l : page.split("\n")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.matches("[—–-]\\s*[0-9]+\\s*[—–-]")) {
                out.add(l);
            }
        }
        return out;
    }

    /** Characters of a line as the grid counts them: Chinese ones 1, digits and Latin letters ½, spaces of the layout 0. */
    private static int cjkLength(String line) {
        // a 。，、 at the end of a full line hangs in the margin (行尾标点悬挂, LibreOffice and Word both do it)
        line = line.strip().replaceFirst("[。，、；：！？]$", "");
        double n = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                n += cp < 0x2E80 && cp != '“' && cp != '”' && cp != '‘' && cp != '’' && cp != '—' ? 0.5 : 1;
            }
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(n);
    }
}
