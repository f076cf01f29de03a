package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters and bidi overrides: refused in names by the one shared validation, never printed raw. */
class HiddenCharactersTest {
    @TempDir
    Path dir;

    @Test
    void namesWithControlOrBidiCharactersAreRefusedFromTheCommandLineAndFromImports() throws Exception {
        Path db = dir.resolve("台账.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        for (String bad : new String[] {"甲\u202Egpj.exe", "乙\u0007铃", "丙\u001b[2J", "丁\u2066隔离"}) {
            CliRun r = CliRun.onDb(db, "org", "add", bad, "--type", "团委");
            assertThat(r.code()).as(bad + r.err()).isEqualTo(TaizhangCli.EXIT_INVALID);
            assertThat(r.err()).contains("看不见的控制字符").contains("U+");
        }
        // emoji sequences with the zero-width joiner, 𠮷 and full-width digits are fine
        CliRun ok = CliRun.onDb(db, "org", "add", "👨‍👩‍👧𠮷家庭１２３团委", "--type", "团委");
        assertThat(ok.code()).as(ok.err()).isZero();

        Path orgs = Files.writeString(dir.resolve("组织.csv"), "组织名称,组织类型\n好名字𠮷,团委\n坏\u202E名字,团委\n", StandardCharsets.UTF_8);
        CliRun imp = CliRun.onDb(db, "import", "orgs", orgs.toString(), "--dry-run");
        assertThat(imp.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(imp.out()).contains("第 3 行").contains("U+202E");
    }

    @Test
    void oldDataWithControlCharactersIsPrintedVisibly() throws Exception {
        Path db = dir.resolve("旧.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE org SET name = '旧' || char(27) || '[2J名' || char(8238) || '字' WHERE id = 2");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaizhangCli.commandLine(new PrintWriter(new TerminalWriter(out), true), new PrintWriter(new TerminalWriter(err), true))
                .execute("--db", db.toString(), "org", "list");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("旧<U+001B>[2J名<U+202E>字").doesNotContain("\u001b").doesNotContain("\u202E");
        assertThat(out.toString()).contains("\n");
    }
}
