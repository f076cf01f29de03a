package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.io.ImportTestSupport.dump;
import static org.taizhang.io.ImportTestSupport.id;
import static org.taizhang.io.ImportTestSupport.reasons;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

/**
 * A sheet longer than one import takes, or one where nearly every row is wrong, ends with a clear refusal and
 * nothing written (the real limits, 300,000 rows and 10,000 wrong rows, are exercised by {@code bench import --junk}
 * on a 1,048,575-row sheet; here the same code runs with small limits). Organisation names may not hold the path
 * separator, so an export can always be imported back.
 */
class ImportLimitsTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        new OrgService(db).add(orgInput("园岭社区团委", 3, null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void tooManyRowsOrTooManyWrongRowsAreRefusedWithNothingWritten() throws Exception {
        Object[][] rows = new Object[61][];
        rows[0] = new Object[] {"姓名", "身份证号", "所属组织"};
        for (int i = 1; i <= 60; i++) {
            rows[i] = new Object[] {"人" + i, id("440304199001" + String.format("%02d", i % 28 + 1) + String.format("%03d", i)), "园岭社区团委"};
        }
        Path big = Xlsx.write(dir.resolve("big.xlsx"), "名单", rows);
        String before = dump(db);
        ImportService small = new ImportService(db, 50, 10);
        assertThatThrownBy(() -> small.preview(ImportRequest.of(ImportKind.PEOPLE, big), ImportProgress.NONE))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("工作表“名单”的数据超过 50 行（读到第 52 行时停止）").hasMessageContaining("分成几个文件");
        assertThat(new ImportService(db).preview(ImportRequest.of(ImportKind.PEOPLE, big), ImportProgress.NONE).acceptedCount())
                .isEqualTo(60);

        Object[][] junk = new Object[31][];
        junk[0] = new Object[] {"姓名", "身份证号", "所属组织"};
        for (int i = 1; i <= 30; i++) {
            junk[i] = new Object[] {"垃圾" + i, "x" + i, "园岭社区团委"};
        }
        Path bad = Xlsx.write(dir.resolve("junk.xlsx"), "名单", junk);
        assertThatThrownBy(() -> small.preview(ImportRequest.of(ImportKind.PEOPLE, bad), ImportProgress.NONE))
                .isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("读到第 11 行时，已有 10 行有错误，已停止检查，没有导入任何数据")
                .hasMessageContaining("第 2 行，B 列“身份证号”");
        assertThat(dump(db)).isEqualTo(before);
    }

    @Test
    void organisationNamesCannotHoldThePathSeparator() throws Exception {
        OrgService orgs = new OrgService(db);
        assertThatThrownBy(() -> orgs.add(orgInput("甲 / 乙", 3, null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("组织名称不能含有“/”").hasMessageContaining("甲、乙");
        Path f = Xlsx.write(dir.resolve("orgs.xlsx"), "组织", new Object[][] {
                {"组织名称", "组织类型", "上级组织"},
                {"甲／乙", "团委", null},
                {"丙＞丁", "团委", null},
                {"戊", "团委", "园岭社区团委"}});
        ImportService io = new ImportService(db);
        ImportPreview p = io.preview(ImportRequest.of(ImportKind.ORGS, f), ImportProgress.NONE);
        assertThat(reasons(p).get(2)).isEqualTo("A2 组织名称：组织名称不能含有“／”（它用来分隔上下级路径，如 区总工会 / 园岭街道总工会）；请改用“、”或“-”，如 甲、乙");
        assertThat(reasons(p).get(3)).contains("A3").contains("“＞”");
        assertThat(p.rejected().getFirst().problems().getFirst().sheet()).isEqualTo("组织");
        assertThat(p.acceptedCount()).isEqualTo(1);
        // so the export's paths always import back
        io.commit(p, true, ImportProgress.NONE);
        Path out = dir.resolve("export.xlsx");
        new ExportService(db).export(ImportKind.ORGS, new ExportService.Options(null, null, null, false), out);
        ImportPreview back = io.preview(ImportRequest.of(ImportKind.ORGS, out), ImportProgress.NONE);
        assertThat(back.rejected()).isEmpty();
        assertThat(back.skipped()).hasSize(2);
    }
}
