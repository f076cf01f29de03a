package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityService;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

/** exchange export / import (--dry-run, --json, --as) / status through the real command line, on real files. */
class ExchangeCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportImportAndStatus() throws Exception {
        Path community = dir.resolve("community.db");
        Path street = dir.resolve("street.db");
        try (Database db = Database.open(community)) {
            int c = new OrgService(db).add(Fixtures.orgInput("园岭社区团委", 3, null));
            new ActivityService(db).add(ActivityInput.of(java.time.LocalDate.of(2026, 3, 5), "学雷锋志愿服务（第１次）😀", c, 2, 40, 120, 300));
        }
        try (Database db = Database.open(street)) {
            OrgService orgs = new OrgService(db);
            int s = orgs.add(Fixtures.orgInput("园岭街道团工委", 4, null));
            orgs.add(Fixtures.orgInput("园岭社区团委", 3, s));
            orgs.add(Fixtures.orgInput("百花社区团委", 3, s));
        }
        Path pkg = dir.resolve("园岭社区团委-2026上半年");
        CliRun export = CliRun.onDb(community, "exchange", "export", "--org", "园岭社区团委", "--period", "2026H1", "--out", pkg.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Path file = dir.resolve("园岭社区团委-2026上半年.tzpkg");
        assertThat(file).exists();
        assertThat(export.out()).contains("活动 1 条").contains("身份证号、电话已打码");

        CliRun before = CliRun.onDb(street, "exchange", "status", "--period", "2026H1");
        assertThat(before.out()).contains("已报送 0 个，未报送 2 个").contains("✗ 园岭社区团委：未报送");

        CliRun dry = CliRun.onDb(street, "exchange", "import", file.toString(), "--dry-run", "--json");
        assertThat(dry.code()).as(dry.err()).isZero();
        JsonNode j = Cli.mapper().readTree(dry.out());
        assertThat(j.get("counts").get("add").asInt()).isEqualTo(1);
        assertThat(j.get("receiver_path").asText()).isEqualTo("园岭街道团工委 / 园岭社区团委");
        assertThat(CliRun.onDb(street, "exchange", "status", "--period", "2026H1").out()).contains("未报送 2 个");

        CliRun imp = CliRun.onDb(street, "exchange", "import", file.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("[新增] 活动：2026-03-05 学雷锋志愿服务（第１次）😀（园岭社区团委）").contains("已导入：新增 1");
        CliRun origin = CliRun.onDb(street, "exchange", "origin", "activity", "#1");
        assertThat(origin.out()).contains("来自“园岭社区团委”的数据包 园岭社区团委-2026上半年.tzpkg");
        assertThat(CliRun.onDb(street, "exchange", "origin", "org", "#1").out()).contains("本级录入");
        CliRun again = CliRun.onDb(street, "exchange", "import", file.toString());
        assertThat(again.out()).contains("这个数据包已经导入过，数据没有变化");

        CliRun after = CliRun.onDb(street, "exchange", "status", "--period", "2026H1", "--org", "园岭街道团工委");
        assertThat(after.out()).contains("已报送 1 个，未报送 1 个").contains("✓ 园岭社区团委").contains("参与 40 人次，服务 12 小时")
                .contains("✗ 百花社区团委");

        // refused packages: exit code 2 and a message, no stack trace
        Path junk = dir.resolve("junk.tzpkg");
        Files.writeString(junk, "１２３");
        CliRun bad = CliRun.onDb(street, "exchange", "import", junk.toString());
        assertThat(bad.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(bad.err()).contains("不是台账数据包").doesNotContain("Exception");
        // an organisation the street does not have, then --as
        Path other = dir.resolve("other.db");
        try (Database db = Database.open(other)) {
            int o = new OrgService(db).add(Fixtures.orgInput("荔枝社区团委", 3, null));
            new ActivityService(db).add(ActivityInput.of(java.time.LocalDate.of(2026, 4, 1), "读书会", o, 1, 10, 0, 0));
        }
        Path otherPkg = dir.resolve("other.tzpkg");
        assertThat(CliRun.onDb(other, "exchange", "export", "--org", "荔枝社区团委", "--from", "2026-01-01", "--to", "2026-06-30",
                "--out", otherPkg.toString()).code()).isZero();
        CliRun unknown = CliRun.onDb(street, "exchange", "import", otherPkg.toString());
        assertThat(unknown.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(unknown.err()).contains("没有“荔枝社区团委”");
        CliRun as = CliRun.onDb(street, "exchange", "import", otherPkg.toString(), "--as", "百花社区团委");
        assertThat(as.code()).as(as.err()).isZero();
        assertThat(CliRun.onDb(street, "exchange", "status", "--period", "2026H1").out()).contains("已报送 2 个，未报送 0 个");
    }
}
