package org.taizhang.org;

import static org.taizhang.db.jooq.Tables.ORG;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The set of organisation ids below (and including) a root, as a recursive CTE, for use in SQL
 * conditions: {@code where(Subtree.contains(ACTIVITY.ORG_ID, rootId))}. Statistics and lists filter
 * by subtree this way, in SQL, never by looping in Java.
 */
public final class Subtree {
    private Subtree() {
    }

    /** SELECT id FROM (the subtree of {@code rootId}). */
    public static Select<Record1<Integer>> ids(int rootId) {
        Field<Integer> id = DSL.field(DSL.name("sub", "id"), Integer.class);
        CommonTableExpression<Record1<Integer>> sub = DSL.name("sub").fields("id").as(
                DSL.select(ORG.ID).from(ORG).where(ORG.ID.eq(rootId))
                        .unionAll(DSL.select(ORG.ID).from(ORG).join(DSL.table(DSL.name("sub")))
                                .on(ORG.PARENT_ID.eq(id))));
        return DSL.withRecursive(sub).select(sub.field("id", Integer.class)).from(sub);
    }

    /** {@code orgField} lies in the subtree of {@code rootId}; a null root means every organisation. */
    public static Condition contains(Field<Integer> orgField, Integer rootId) {
        return rootId == null ? DSL.trueCondition() : orgField.in(ids(rootId));
    }
}
