package org.taizhang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.person.IdNumber;

class DemoDataTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    @TempDir
    Path dir;

    @Test
    void buildsRealisticTreeWithValidPeople() {
        try (Database db = Database.open(dir.resolve("demo.db"))) {
            DemoData.Result r = new DemoData(db, TODAY).generate(new DemoData.Size(300, 3000, 0, 0), 42, p -> { });
            assertThat(r.orgs()).isEqualTo(300);
            assertThat(r.people()).isEqualTo(3000);
            assertThat((int) db.read(ctx -> ctx.fetchCount(ORG))).isEqualTo(300);
            assertThat((int) db.read(ctx -> ctx.fetchCount(MEMBERSHIP))).isEqualTo(r.memberships());
            OrgTree tree = new OrgTree(new OrgService(db).listAll());
            assertThat(tree.roots()).extracting(Org::name).containsExactly("示范区群团工作部");
            assertThat(tree.children(tree.roots().getFirst().id())).extracting(Org::typeName)
                    .containsExactly("工会", "团委", "妇联", "青联", "义工联");
            assertThat(new OrgService(db).listAll()).extracting(Org::typeName).contains("工联会", "团工委", "妇委会");
            List<String> ids = db.read(ctx -> ctx.select(PERSON.ID_NUMBER).from(PERSON).fetch(PERSON.ID_NUMBER));
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> IdNumber.parse(id, TODAY));
            // gender and birth date agree with the ID numbers
            db.read(ctx -> ctx.selectFrom(PERSON).limit(200).fetch()).forEach(p -> {
                IdNumber id = IdNumber.parse(p.getIdNumber(), TODAY);
                assertThat(p.getGender()).isEqualTo(id.gender());
                assertThat(p.getBirthDate()).isEqualTo(id.birthDate());
            });
            // some elections overdue, most not
            long overdue = new OrgService(db).listAll().stream().filter(o -> o.electionOverdue(TODAY)).count();
            assertThat(overdue).isBetween(1L, 150L);
        }
    }

    @Test
    void sameSeedSameData() {
        List<String> a;
        List<String> b;
        try (Database db = Database.open(dir.resolve("a.db"))) {
            new DemoData(db, TODAY).generate(new DemoData.Size(50, 200, 0, 0), 7, p -> { });
            a = db.read(ctx -> ctx.select(PERSON.NAME).from(PERSON).orderBy(PERSON.ID).fetch(PERSON.NAME));
        }
        try (Database db = Database.open(dir.resolve("b.db"))) {
            new DemoData(db, TODAY).generate(new DemoData.Size(50, 200, 0, 0), 7, p -> { });
            b = db.read(ctx -> ctx.select(PERSON.NAME).from(PERSON).orderBy(PERSON.ID).fetch(PERSON.NAME));
        }
        assertThat(a).isEqualTo(b).hasSize(200);
    }

    @Test
    void exactMultipleOfTheBatchSizeWorks() {
        try (Database db = Database.open(dir.resolve("batch.db"))) {
            DemoData.Result r = new DemoData(db, TODAY).generate(new DemoData.Size(20, 20_000, 0, 0), 5, p -> { });
            assertThat(r.people()).isEqualTo(20_000);
            assertThat((int) db.read(ctx -> ctx.fetchCount(PERSON))).isEqualTo(20_000);
        }
    }

    @Test
    void onlyIntoAnEmptyDatabase() {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            new DemoData(db, TODAY).generate(new DemoData.Size(10, 10, 0, 0), 1, p -> { });
            assertThatThrownBy(() -> new DemoData(db, TODAY).generate(new DemoData.Size(10, 10, 0, 0), 1, p -> { }))
                    .hasMessageContaining("已经有数据");
            assertThatThrownBy(() -> new DemoData(db, TODAY).generate(new DemoData.Size(3, 10, 0, 0), 1, p -> { }))
                    .hasMessageContaining("至少需要 6 个组织");
            assertThat((int) db.read(ctx -> ctx.fetchCount(ORG))).isEqualTo(10);
        }
    }
}
