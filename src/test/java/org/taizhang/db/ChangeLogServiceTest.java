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
