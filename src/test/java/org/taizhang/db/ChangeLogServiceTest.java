package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.common.UserException;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;

class ChangeLogServiceTest {
    @TempDir
    Path dir;

    private static OrgInput org(OrgService orgs, String name, Integer parent) {
        return new OrgInput(name, orgs.typeByName("团委").id(), parent, LocalDate.of(2021, 3, 5), null, null, "张三", null, null);
    }

    @Test
    void detailsNameWhatIdsPointToAndSayCodesInChinese() {
        try (Database db = TestDb.open(dir)) {
            OrgService orgs = new OrgService(db);
            ChangeLogService log = new ChangeLogService(db);
            int parent = orgs.add(org(orgs, "𠮷祥街道团工委", null));
            int gone = orgs.add(org(orgs, "将撤销的团支部１２３", null));
            int child = orgs.add(org(orgs, "百花社区团委😀", parent));
            orgs.update(child, org(orgs, "百花社区团委😀", gone));
            orgs.update(child, org(orgs, "百花社区团委😀", parent));
            orgs.remove(gone);
            org.taizhang.plan.PlanService plans = new org.taizhang.plan.PlanService(db);
            int plan = plans.create(new org.taizhang.plan.PlanInput(parent, "２０２６年工作计划", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), null));
            org.taizhang.plan.PlanOutline o = plans.load(plan);
            var section = o.addSection(org.taizhang.plan.ItemFields.heading("思想引领"));
            plans.save(plan, o);
            o = plans.load(plan);
            var first = o.lines().getFirst().node();
            o.edit(first.key(), first.fields().withStatus(org.taizhang.common.PlanStatus.DONE));
            plans.save(plan, o);

            List<ChangeLogService.Change> recent = log.recent(20);
            ChangeLogService.Change statusChange = recent.stream().filter(c -> c.table().equals("plan_item") && c.action().equals("update"))
                    .findFirst().orElseThrow();
            assertThat(statusChange.details()).containsExactly("状态：未开始 → 已完成");
            ChangeLogService.Change itemAdded = recent.stream().filter(c -> c.table().equals("plan_item") && c.action().equals("insert"))
                    .findFirst().orElseThrow();
            assertThat(itemAdded.details()).contains("所属计划：“２０２６年工作计划”", "状态：未开始");
            List<ChangeLogService.Change> moves = log.history("org", child);
            assertThat(moves.get(0).details()).contains("上级：“𠮷祥街道团工委”", "类型：“团委”");
            assertThat(moves.get(1).details()).containsExactly("上级：“𠮷祥街道团工委” → 第 " + gone + " 条（已删除）");
            assertThat(String.join("；", moves.get(2).details())).doesNotContain("：" + parent + " ");
            assertThat(section).isNotNull();
        }
    }

    @Test
    void historyPerRecordAndUndoOfAnUpdate() {
        try (Database db = TestDb.open(dir)) {
            OrgService orgs = new OrgService(db);
            ChangeLogService log = new ChangeLogService(db);
            int id = orgs.add(org(orgs, "𠮷祥社区团委", null));
            orgs.update(id, org(orgs, "吉祥社区团委🎉", null));
            List<ChangeLogService.Change> h = log.history("org", id);
            assertThat(h).extracting(ChangeLogService.Change::actionLabel).containsExactly("新增", "修改");
            assertThat(h.get(1).details()).contains("名称：𠮷祥社区团委 → 吉祥社区团委🎉").noneMatch(d -> d.startsWith("编号："));
            assertThat(h.get(1).osUser()).isEqualTo(System.getProperty("user.name"));

            ChangeLogService.Change undo = log.undo(h.get(1).id());
            assertThat(undo.action()).isEqualTo("update");
            assertThat(orgs.get(id).orElseThrow().name()).isEqualTo("𠮷祥社区团委");
            assertThat(orgs.get(id).orElseThrow().foundedOn()).isEqualTo(LocalDate.of(2021, 3, 5));
            assertThat(log.history("org", id)).hasSize(3);
            // an older change of the same record cannot be undone past a newer one
            assertThatThrownBy(() -> log.undo(h.get(0).id())).isInstanceOf(UserException.class)
                    .hasMessageContaining("之后这条记录又改过").hasMessageContaining("请从最近的一次开始逐个撤销");
        }
    }

    @Test
    void undoOfADeleteReinsertsTheSameRecord() {
        try (Database db = TestDb.open(dir)) {
            OrgService orgs = new OrgService(db);
            ChangeLogService log = new ChangeLogService(db);
            int id = orgs.add(org(orgs, "２０２１级团支部", null));
            var before = orgs.get(id).orElseThrow();
            orgs.remove(id);
            assertThat(orgs.get(id)).isEmpty();
            ChangeLogService.Change delete = log.recent(1).getFirst();
            assertThat(delete.action()).isEqualTo("delete");
            log.undo(delete.id());
            assertThat(orgs.get(id)).contains(before);
        }
    }

    @Test
    void undoThatWouldBreakAReferenceIsRefusedAndNothingChanges() {
        try (Database db = TestDb.open(dir)) {
            OrgService orgs = new OrgService(db);
            ChangeLogService log = new ChangeLogService(db);
            int parent = orgs.add(org(orgs, "上级团委", null));
            int child = orgs.add(org(orgs, "下级团支部", parent));
            List<String> before = Fixtures.snapshot(db.file());
            int insertOfParent = log.history("org", parent).getFirst().id();
            assertThatThrownBy(() -> log.undo(insertOfParent)).isInstanceOf(UserException.class)
                    .hasMessageContaining("正被其他记录引用").hasMessageContaining("数据未改动");
            assertThat(Fixtures.snapshot(db.file())).isEqualTo(before);
            // the child's insert is the newest change of that record: undoing it deletes it
            log.undo(log.history("org", child).getFirst().id());
            assertThat(orgs.get(child)).isEmpty();
            assertThatThrownBy(() -> log.undo(999_999)).hasMessageContaining("找不到更改记录");
            assertThatThrownBy(() -> log.history("no_such", 1)).hasMessageContaining("没有名为“no_such”的记录表");
        }
    }
}
