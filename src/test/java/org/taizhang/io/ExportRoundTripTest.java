package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.app.DemoDataFactory;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;

/** Export then import into an empty database gives the same records; masking, formatting, templates, locked targets. */
class ExportRoundTripTest {
    @TempDir
    Path dir;

    private static String orgs(Database db) {
        return db.read(ctx -> ctx.fetch("""
                WITH RECURSIVE p(id, path) AS (
                  SELECT id, name FROM org WHERE parent_id IS NULL
                  UNION ALL SELECT o.id, p.path || ' / ' || o.name FROM org o JOIN p ON o.parent_id = p.id)
                SELECT p.path, t.name, o.founded_on, o.term_years, o.last_election_on, o.contact_person, o.contact_phone, o.note
                FROM org o JOIN p ON p.id = o.id JOIN org_type t ON t.id = o.type_id ORDER BY p.path""").formatCSV(false));
    }

    private static String people(Database db) {
        return db.read(ctx -> ctx.fetch("""
                SELECT p.name, p.id_number, p.gender, p.birth_date, p.phone, p.political_status, p.note, o.name, m.role, m.joined_on
                FROM membership m JOIN person p ON p.id = m.person_id JOIN org o ON o.id = m.org_id
                ORDER BY p.id_number, p.name, o.name, m.role""").formatCSV(false));
    }

    private static String activities(Database db) {
        return db.read(ctx -> ctx.fetch("""
                SELECT a.start_date, a.end_date, a.name, o.name, c.name, a.participants, a.service_tenths, a.beneficiaries,
                       a.place, a.description, a.highlight, a.planned,
                       (SELECT group_concat(x.name, '、') FROM (SELECT co.name FROM activity_coorg ac JOIN org co ON co.id = ac.org_id
                         WHERE ac.activity_id = a.id ORDER BY co.name) x)
                FROM activity a JOIN org o ON o.id = a.org_id JOIN activity_category c ON c.id = a.category_id
                ORDER BY a.start_date, o.name, a.name""").formatCSV(false));
    }

    private static String honors(Database db) {
        return db.read(ctx -> ctx.fetch("""
                SELECT h.honor_date, h.title, h.level, h.kind, o.name, p.id_number, h.issuer, h.note
                FROM honor h JOIN org o ON o.id = h.org_id LEFT JOIN person p ON p.id = h.person_id
                ORDER BY 1, 2, 5, 6""").formatCSV(false));
    }

    @Test
    void exportThenImportGivesTheSameRecords() throws Exception {
        try (Database src = Database.open(dir.resolve("src.db")); Database dst = Database.open(dir.resolve("dst.db"))) {
            DemoDataFactory.create(src, LocalDate.now()).generate(new DemoData.Size(40, 300, 400, 40), 11, p -> { });
            ExportService ex = new ExportService(src);
            ExportService.Options full = ExportService.Options.ALL.withFullId(true);
            ImportService in = new ImportService(dst);
            for (ImportKind k : ImportKind.values()) {
                Path f = dir.resolve(k.code() + ".xlsx");
                int n = ex.export(k, full, f);
                assertThat(n).as(k.label()).isPositive();
                ImportPreview p = in.preview(ImportRequest.of(k, f), ImportProgress.NONE);
                assertThat(p.fileProblems()).as(k.label()).isEmpty();
                assertThat(p.rejected()).as(k.label() + " " + p.problems()).isEmpty();
                assertThat(p.acceptedCount()).as(k.label()).isEqualTo(n);
                in.commit(p, false, ImportProgress.NONE);
            }
            assertThat(orgs(dst)).isEqualTo(orgs(src));
            assertThat(people(dst)).isEqualTo(people(src));
            assertThat(activities(dst)).isEqualTo(activities(src));
            assertThat(honors(dst)).isEqualTo(honors(src));
        }
    }

    @Test
    void exportIsFormattedMaskedAndTotalled() throws Exception {
        try (Database db = TestDb.open(dir)) {
            DemoDataFactory.create(db, LocalDate.now()).generate(new DemoData.Size(20, 50, 60, 10), 3, p -> { });
            ExportService ex = new ExportService(db);
            Path people = dir.resolve("people.xlsx");
            int n = ex.export(ImportKind.PEOPLE, ExportService.Options.ALL, people);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(people))) {
                XSSFSheet s = wb.getSheetAt(0);
                assertThat(s.getPaneInformation().isFreezePane()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(s.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
                assertThat(s.getRow(0).getCell(3).getStringCellValue()).isEqualTo("身份证号");
                assertThat(s.getLastRowNum()).isEqualTo(n);
                for (int r = 1; r <= n; r++) {
                    String id = s.getRow(r).getCell(3).getStringCellValue();
                    assertThat(id).matches("\\d{6}\\*{8}[\\dX]{4}");
                    var phone = s.getRow(r).getCell(4);
                    if (phone != null) {
                        assertThat(phone.getStringCellValue()).contains("****");
                    }
                    var birth = s.getRow(r).getCell(2);
                    assertThat(birth.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(DateUtil.isCellDateFormatted(birth)).isTrue();
                }
                assertThat(s.getColumnWidth(6)).isGreaterThan(s.getColumnWidth(1));
            }
            // masked ID numbers are refused on import with a reason, not silently stored
            try (Database other = Database.open(dir.resolve("other.db"))) {
                ImportPreview p = new ImportService(other).preview(ImportRequest.of(ImportKind.PEOPLE, people), ImportProgress.NONE);
                assertThat(p.acceptedCount()).isZero();
            }
            Path acts = dir.resolve("acts.xlsx");
            int a = ex.export(ImportKind.ACTIVITIES, new ExportService.Options(null, LocalDate.now().minusYears(10), null, false), acts);
            long participants = db.read(ctx -> ctx.fetchOne("SELECT sum(participants) FROM activity").get(0, Long.class));
            long tenths = db.read(ctx -> ctx.fetchOne("SELECT sum(service_tenths) FROM activity").get(0, Long.class));
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(acts))) {
                XSSFSheet s = wb.getSheetAt(0);
                var total = s.getRow(a + 1);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
                assertThat(total.getCell(6).getNumericCellValue()).isEqualTo((double) participants);
                assertThat(total.getCell(7).getNumericCellValue()).isCloseTo(tenths / 10.0, org.assertj.core.data.Offset.offset(1e-9));
            }
            // the totals row is skipped on import: the same rows come back as duplicates of themselves
            ImportPreview again = new ImportService(db).preview(ImportRequest.of(ImportKind.ACTIVITIES, acts), ImportProgress.NONE);
            assertThat(again.dataRows()).isEqualTo(a);
        }
    }

    @Test
    void targetOpenInExcelIsReportedAndNoTempFileIsLeft() throws Exception {
        try (Database db = TestDb.open(dir)) {
            Path out = dir.resolve("名册.xlsx");
            Files.writeString(dir.resolve("~$名册.xlsx"), "lock");
            assertThatThrownBy(() -> new ExportService(db).export(ImportKind.ORGS, ExportService.Options.ALL, out))
                    .isInstanceOf(org.taizhang.common.FileException.class).hasMessageContaining("正在被 Excel、Word 或 WPS 打开");
            assertThat(out).doesNotExist();
            Path folderAsTarget = Files.createDirectory(dir.resolve("x.xlsx"));
            Files.writeString(folderAsTarget.resolve("keep.txt"), "x");
            assertThatThrownBy(() -> new ExportService(db).export(ImportKind.ORGS, ExportService.Options.ALL, folderAsTarget))
                    .isInstanceOf(org.taizhang.common.FileException.class).hasMessageContaining("是一个文件夹");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
            }
        }
    }

    @Test
    void templatesCarryTheRecognisedHeaders() throws Exception {
        try (Database db = TestDb.open(dir)) {
            for (ImportKind k : ImportKind.values()) {
                Path t = dir.resolve("template-" + k.code() + ".xlsx");
                ExportService.template(k, t);
                assertThat(SheetReader.sheetNames(t)).containsExactly(k.label(), "填写说明");
                List<SheetRow> rows = new ArrayList<>();
                SheetReader.read(t, null, rows::add);
                ColumnMapping m = ColumnMapping.detect(k, rows, java.util.Map.of());
                assertThat(m).isNotNull();
                assertThat(m.columns()).hasSize(k.fields().size());
                assertThat(m.missing()).isEmpty();
                ImportPreview p = new ImportService(db).preview(ImportRequest.of(k, t), ImportProgress.NONE);
                assertThat(p.fileProblems()).singleElement().asString().contains("没有数据行");
            }
        }
    }
}
