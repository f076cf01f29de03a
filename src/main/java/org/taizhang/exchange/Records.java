package org.taizhang.exchange;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_COORG;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.taizhang.common.Phones;
import org.taizhang.db.jooq.tables.records.PlanItemRecord;
import org.taizhang.person.IdNumber;

/**
 * A record of this office as a package carries it: a JSON object with its fields and its references to
 * other records. The same reading serves two purposes: with uids as references it is what an export
 * writes; with local ids as references (and nothing masked) its hash tells whether the office has
 * edited a received record since it came in.
 */
final class Records {
    private Records() {
    }

    /** How a reference to another record is written: its uid in a package, its local id for a hash. */
    interface Refs {
        Object ref(Kind kind, Integer localId);
    }

    static final Refs LOCAL = (k, id) -> id;

    /** The records of {@code kind} with the given local ids, in id order; masked unless {@code fullId}. */
    static Map<Integer, Map<String, Object>> read(DSLContext ctx, Kind kind, Collection<Integer> ids, Refs refs, boolean fullId) {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        switch (kind) {
            case ORG -> ctx.select(ORG.asterisk(), ORG_TYPE.NAME).from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                    .where(ORG.ID.in(ids)).orderBy(ORG.ID).forEach(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("parent", refs.ref(Kind.ORG, r.get(ORG.PARENT_ID)));
                        m.put("name", r.get(ORG.NAME));
                        m.put("type", r.get(ORG_TYPE.NAME));
                        m.put("founded_on", text(r.get(ORG.FOUNDED_ON)));
                        m.put("term_years", r.get(ORG.TERM_YEARS));
                        m.put("last_election_on", text(r.get(ORG.LAST_ELECTION_ON)));
                        m.put("contact_person", r.get(ORG.CONTACT_PERSON));
                        m.put("contact_phone", fullId || r.get(ORG.CONTACT_PHONE) == null ? r.get(ORG.CONTACT_PHONE)
                                : Phones.mask(r.get(ORG.CONTACT_PHONE)));
                        m.put("note", r.get(ORG.NOTE));
                        out.put(r.get(ORG.ID), m);
                    });
            case PERSON -> ctx.selectFrom(PERSON).where(PERSON.ID.in(ids)).orderBy(PERSON.ID).forEach(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.getName());
                m.put("id_number", fullId ? r.getIdNumber() : IdNumber.mask(r.getIdNumber()));
                m.put("gender", r.getGender());
                m.put("birth_date", text(r.getBirthDate()));
                m.put("phone", fullId || r.getPhone() == null ? r.getPhone() : Phones.mask(r.getPhone()));
                m.put("political_status", r.getPoliticalStatus());
                m.put("note", r.getNote());
                out.put(r.getId(), m);
            });
            case MEMBERSHIP -> ctx.selectFrom(MEMBERSHIP).where(MEMBERSHIP.ID.in(ids)).orderBy(MEMBERSHIP.ID).forEach(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("person", refs.ref(Kind.PERSON, r.getPersonId()));
                m.put("org", refs.ref(Kind.ORG, r.getOrgId()));
                m.put("role", r.getRole());
                m.put("joined_on", text(r.getJoinedOn()));
                m.put("left_on", text(r.getLeftOn()));
                m.put("note", r.getNote());
                out.put(r.getId(), m);
            });
            case ACTIVITY -> {
                Map<Integer, List<Integer>> co = new HashMap<>();
                ctx.selectFrom(ACTIVITY_COORG).where(ACTIVITY_COORG.ACTIVITY_ID.in(ids))
                        .orderBy(ACTIVITY_COORG.ACTIVITY_ID, ACTIVITY_COORG.ORG_ID)
                        .forEach(r -> co.computeIfAbsent(r.getActivityId(), x -> new ArrayList<>()).add(r.getOrgId()));
                ctx.select(ACTIVITY.asterisk(), ACTIVITY_CATEGORY.NAME).from(ACTIVITY).join(ACTIVITY_CATEGORY)
                        .on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID)).where(ACTIVITY.ID.in(ids)).orderBy(ACTIVITY.ID).forEach(r -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("org", refs.ref(Kind.ORG, r.get(ACTIVITY.ORG_ID)));
                            List<Object> coRefs = new ArrayList<>();
                            for (Integer o : co.getOrDefault(r.get(ACTIVITY.ID), List.of())) {
                                Object ref = refs.ref(Kind.ORG, o);
                                if (ref != null) {
                                    coRefs.add(ref); // co-organisers outside the sent subtree are not carried
                                }
                            }
                            m.put("co_orgs", coRefs);
                            m.put("start_date", text(r.get(ACTIVITY.START_DATE)));
                            m.put("end_date", text(r.get(ACTIVITY.END_DATE)));
                            m.put("name", r.get(ACTIVITY.NAME));
                            m.put("category", r.get(ACTIVITY_CATEGORY.NAME));
                            m.put("participants", r.get(ACTIVITY.PARTICIPANTS));
                            m.put("service_tenths", r.get(ACTIVITY.SERVICE_TENTHS));
                            m.put("beneficiaries", r.get(ACTIVITY.BENEFICIARIES));
                            m.put("place", r.get(ACTIVITY.PLACE));
                            m.put("description", r.get(ACTIVITY.DESCRIPTION));
                            m.put("highlight", Boolean.TRUE.equals(r.get(ACTIVITY.HIGHLIGHT)));
                            m.put("planned", Boolean.TRUE.equals(r.get(ACTIVITY.PLANNED)));
                            out.put(r.get(ACTIVITY.ID), m);
                        });
            }
            case HONOR -> ctx.selectFrom(HONOR).where(HONOR.ID.in(ids)).orderBy(HONOR.ID).forEach(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("org", refs.ref(Kind.ORG, r.getOrgId()));
                m.put("person", refs.ref(Kind.PERSON, r.getPersonId()));
                m.put("date", text(r.getHonorDate()));
                m.put("title", r.getTitle());
                m.put("level", r.getLevel());
                m.put("kind", r.getKind());
                m.put("issuer", r.getIssuer());
                m.put("note", r.getNote());
                out.put(r.getId(), m);
            });
            case PLAN -> {
                Map<Integer, String> cats = new HashMap<>();
                ctx.selectFrom(ACTIVITY_CATEGORY).forEach(c -> cats.put(c.getId(), c.getName()));
                Map<Integer, List<PlanItemRecord>> items = new HashMap<>();
                ctx.selectFrom(PLAN_ITEM).where(PLAN_ITEM.PLAN_ID.in(ids)).orderBy(PLAN_ITEM.SORT_ORDER, PLAN_ITEM.ID)
                        .forEach(i -> items.computeIfAbsent(i.getPlanId(), x -> new ArrayList<>()).add(i));
                ctx.selectFrom(PLAN).where(PLAN.ID.in(ids)).orderBy(PLAN.ID).forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("org", refs.ref(Kind.ORG, r.getOrgId()));
                    m.put("title", r.getTitle());
                    m.put("period_from", text(r.getPeriodFrom()));
                    m.put("period_to", text(r.getPeriodTo()));
                    m.put("period_label", r.getPeriodLabel());
                    m.put("items", items(items.getOrDefault(r.getId(), List.of()), null, refs, cats));
                    out.put(r.getId(), m);
                });
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    /** The outline under {@code parent} as nested JSON objects, in display order. */
    private static List<Map<String, Object>> items(List<PlanItemRecord> all, Integer parent, Refs refs, Map<Integer, String> cats) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanItemRecord i : all) {
            if (!Objects.equals(i.getParentId(), parent)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lead", i.getLead());
            m.put("body", i.getBody());
            m.put("owner_org", refs.ref(Kind.ORG, i.getOwnerOrgId()));
            m.put("due_date", text(i.getDueDate()));
            m.put("status", i.getStatus());
            m.put("target_metric", i.getTargetMetric());
            m.put("target_category", i.getTargetCategoryId() == null ? null : cats.get(i.getTargetCategoryId()));
            m.put("target_value", i.getTargetValue());
            m.put("carried_over", Boolean.TRUE.equals(i.getCarriedOver()));
            m.put("children", items(all, i.getId(), refs, cats));
            out.add(m);
        }
        return out;
    }

    /** The hash of a local record as it is now (references as local ids, nothing masked); null when it is gone. */
    static String localHash(DSLContext ctx, Kind kind, int id) {
        Map<String, Object> m = read(ctx, kind, List.of(id), LOCAL, true).get(id);
        return m == null ? null : PackageFormat.hash(m);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
