package org.taizhang.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.Dates;
import org.taizhang.honor.HonorKind;

/**
 * Writes a {@link Report} as a formatted .xlsx: one sheet per breakdown (总览, 按类别, 按月份, 按下级组织,
 * 荣誉, 组织工作), bold shaded headers, frozen header row, 同比 columns. Hours are numbers with one
 * decimal. The file is written to a temporary file next to the target and then renamed, so a failed
 * export never leaves half a file.
 */
public final class StatsExcel implements AutoCloseable {
    private static final String COLLECTIVE = HonorKind.COLLECTIVE.label;
    private static final String INDIVIDUAL = HonorKind.INDIVIDUAL.label;
    public static final List<String> SHEETS = List.of("总览", "按类别", "按月份", "按下级组织", "荣誉", "组织工作");

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle hours;
    private final CellStyle percent;

    private StatsExcel() {
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setAlignment(HorizontalAlignment.CENTER);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        hours = wb.createCellStyle();
        hours.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0\"%\""));
    }

    /** Writes {@code r} to {@code target} through {@link AtomicFile} (a refusal is a {@link org.taizhang.common.FileException}). */
    public static void write(Report r, Path target) {
        AtomicFile.write(target, out -> {
            try (StatsExcel x = new StatsExcel()) {
                x.fill(r);
                x.wb.write(out);
            }
        });
    }

    private void fill(Report r) {
        overview(r);
        rows(wb.createSheet("按类别"), "类别", r.byCategory(), r);
        rows(wb.createSheet("按月份"), "月份", r.byMonth(), r);
        rows(wb.createSheet("按下级组织"), "组织", r.byChildOrg(), r);
        honors(r);
        orgWork(r);
    }

    private int titleRows(Sheet s, Report r, String what) {
        Cell c = s.createRow(0).createCell(0);
        c.setCellValue(r.rootName() + " " + r.period().label() + " " + what);
        c.setCellStyle(title);
        s.createRow(1).createCell(0).setCellValue("统计时段 " + Dates.iso(r.period().from()) + " 至 " + Dates.iso(r.period().to())
                + "，同比时段 " + Dates.iso(r.previousPeriod().from()) + " 至 " + Dates.iso(r.previousPeriod().to()));
        return 3;
    }

    private void headerRow(Sheet s, int rowNo, List<String> names) {
        var row = s.createRow(rowNo);
        for (int i = 0; i < names.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names.get(i));
            c.setCellStyle(header);
            s.setColumnWidth(i, Math.max(12, names.get(i).length() * 2 + 4) * 256);
        }
        s.createFreezePane(0, rowNo + 1);
    }

    private void value(org.apache.poi.ss.usermodel.Row row, int col, Totals.Metric m, long v) {
        Cell c = row.createCell(col);
        if (m == Totals.Metric.SERVICE_TENTHS) {
            c.setCellValue(v / 10.0);
            c.setCellStyle(hours);
        } else {
            c.setCellValue(v);
        }
    }

    private void pct(org.apache.poi.ss.usermodel.Row row, int col, Change ch) {
        Cell c = row.createCell(col);
        if (ch.percent() == null) {
            c.setCellValue(ch.percentText());
        } else {
            c.setCellValue(ch.percent().doubleValue());
            c.setCellStyle(percent);
        }
    }

    private void overview(Report r) {
        Sheet s = wb.createSheet("总览");
        int n = titleRows(s, r, "统计总览");
        headerRow(s, n, List.of("指标", "本期", "同期", "增减", "增减幅度", "单位"));
        for (Totals.Metric m : Totals.Metric.values()) {
            var row = s.createRow(++n);
            Change ch = r.change(m);
            row.createCell(0).setCellValue(m.label);
            value(row, 1, m, ch.current());
            value(row, 2, m, ch.previous());
            value(row, 3, m, ch.delta());
            pct(row, 4, ch);
            row.createCell(5).setCellValue(m.unit);
        }
        var row = s.createRow(++n);
        Change h = r.honorChange(null, null);
        row.createCell(0).setCellValue("荣誉");
        row.createCell(1).setCellValue(h.current());
        row.createCell(2).setCellValue(h.previous());
        row.createCell(3).setCellValue(h.delta());
        pct(row, 4, h);
        row.createCell(5).setCellValue("项");
        s.setColumnWidth(0, 16 * 256);
    }

    private void rows(Sheet s, String first, List<Row> rows, Report r) {
        int n = titleRows(s, r, s.getSheetName());
        headerRow(s, n, List.of(first, "备注", "场次", "参与人次", "服务时长（小时）", "惠及人数", "同期场次", "同期人次", "同期时长（小时）",
                "同期惠及", "场次增减", "场次增减幅度"));
        s.setColumnWidth(0, 24 * 256);
        Totals sum = Totals.ZERO;
        Totals prevSum = Totals.ZERO;
        for (Row x : rows) {
            var row = s.createRow(++n);
            row.createCell(0).setCellValue(x.label());
            row.createCell(1).setCellValue(x.note() == null ? "" : x.note());
            int c = 2;
            for (Totals.Metric m : Totals.Metric.values()) {
                value(row, c++, m, x.totals().get(m));
            }
            for (Totals.Metric m : Totals.Metric.values()) {
                value(row, c++, m, x.previous().get(m));
            }
            Change ch = x.change(Totals.Metric.ACTIVITIES);
            row.createCell(c++).setCellValue(ch.delta());
            pct(row, c, ch);
            sum = sum.plus(x.totals());
            prevSum = prevSum.plus(x.previous());
        }
        var row = s.createRow(++n);
        Cell total = row.createCell(0);
        total.setCellValue("合计");
        total.setCellStyle(header);
        int c = 2;
        for (Totals.Metric m : Totals.Metric.values()) {
            value(row, c++, m, sum.get(m));
        }
        for (Totals.Metric m : Totals.Metric.values()) {
            value(row, c++, m, prevSum.get(m));
        }
    }

    private void honors(Report r) {
        Sheet s = wb.createSheet("荣誉");
        int n = titleRows(s, r, "荣誉");
        headerRow(s, n, List.of("级别", COLLECTIVE, INDIVIDUAL, "合计", "同期" + COLLECTIVE, "同期" + INDIVIDUAL, "同期合计"));
        for (String level : HonorTable.LEVELS) {
            var row = s.createRow(++n);
            row.createCell(0).setCellValue(level);
            row.createCell(1).setCellValue(r.honors().count(level, COLLECTIVE));
            row.createCell(2).setCellValue(r.honors().count(level, INDIVIDUAL));
            row.createCell(3).setCellValue(r.honors().count(level, null));
            row.createCell(4).setCellValue(r.previousHonors().count(level, COLLECTIVE));
            row.createCell(5).setCellValue(r.previousHonors().count(level, INDIVIDUAL));
            row.createCell(6).setCellValue(r.previousHonors().count(level, null));
        }
        var row = s.createRow(++n);
        Cell total = row.createCell(0);
        total.setCellValue("合计");
        total.setCellStyle(header);
        row.createCell(1).setCellValue(r.honors().count(null, COLLECTIVE));
        row.createCell(2).setCellValue(r.honors().count(null, INDIVIDUAL));
        row.createCell(3).setCellValue(r.honors().total());
        row.createCell(4).setCellValue(r.previousHonors().count(null, COLLECTIVE));
        row.createCell(5).setCellValue(r.previousHonors().count(null, INDIVIDUAL));
        row.createCell(6).setCellValue(r.previousHonors().total());
    }

    private void orgWork(Report r) {
        Sheet s = wb.createSheet("组织工作");
        int n = titleRows(s, r, "组织工作");
        headerRow(s, n, List.of("项目", "数量", "同期", "说明"));
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(3, 50 * 256);
        OrgWork w = r.orgWork();
        n = line(s, n, "完成换届的组织", w.electionsHeld().current(), w.electionsHeld().previous(), "上次换届日期在本期内");
        n = line(s, n, "新成立的组织", w.founded().current(), w.founded().previous(), "成立日期在本期内");
        n = line(s, n, "换届已逾期的组织", w.electionsOverdue(), null, "截至 " + Dates.iso(w.asOf()));
        n = line(s, n, "近 " + w.monthsAhead() + " 个月内应换届的组织", w.electionsDueSoon(), null, "自 " + Dates.iso(w.asOf()) + " 起");
        n = line(s, n, "期初成员（人）", w.membersAtStart(), null, Dates.iso(r.period().from()) + " 在册");
        n = line(s, n, "期末成员（人）", w.membersAtEnd(), null, Dates.iso(r.period().to()) + " 在册，增减 " + w.memberChange());
        n = line(s, n, "本期加入", w.joined(), null, "组织关系开始日期在本期内");
        n = line(s, n, "本期离开", w.left(), null, "组织关系结束日期在本期内");
        n = line(s, n, "年满28周岁的共青团员", w.ageOuts(), null, "超龄离团提醒");
        line(s, n, "没有有效组织关系的人员", w.withoutOrg(), null, "截至 " + Dates.iso(r.period().to()) + "，全部人员中");
    }

    private int line(Sheet s, int n, String label, long v, Long prev, String note) {
        var row = s.createRow(++n);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(v);
        if (prev != null) {
            row.createCell(2).setCellValue(prev);
        }
        row.createCell(3).setCellValue(note);
        return n;
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
