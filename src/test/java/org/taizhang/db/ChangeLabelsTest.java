package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.taizhang.db.jooq.DefaultSchema;

/** 最近的修改 names every logged table and every one of its columns in Chinese, never the SQL name. */
class ChangeLabelsTest {
    /** The tables whose rows are written to the change log (ChangeLog.insert/update/delete callers). */
    private static final List<String> LOGGED = List.of("org_type", "org", "person", "membership", "activity_category",
            "activity", "activity_coorg", "honor", "attachment", "plan", "plan_item", "summary", "app_setting",
            "summary_theme", "summary_theme_category");

    @Test
    void everyLoggedTableAndColumnHasAChineseName() {
        List<String> missing = new ArrayList<>();
        for (String name : LOGGED) {
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(name);
            assertThat(table).as(name).isNotNull();
            if (ChangeLabels.table(name).equals(name)) {
                missing.add(name);
            }
            for (Field<?> f : table.fields()) {
                if (!ChangeLabels.knows(f.getName())) {
                    missing.add(name + "." + f.getName());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(ChangeLabels.table("summary_theme")).isEqualTo("总结主题");
        assertThat(ChangeLabels.column("with_honors")).isEqualTo("写入荣誉");
    }
}
