package org.taizhang.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.common.Dates;

/**
 * The stable JSON shape of a {@link Report} and of {@link Reminders} (documented in the README,
 * section "stats"), as plain maps and lists for Jackson. Keys are never renamed; new keys may be added.
 */
public final class StatsJson {
    public static final String REPORT_SCHEMA = "taizhang.stats/1";
    public static final String REMINDERS_SCHEMA = "taizhang.reminders/1";
    public static final String RECORDS_SCHEMA = "taizhang.records/1";

    private StatsJson() {
    }

    public static Map<String, Object> report(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", REPORT_SCHEMA);
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", r.rootOrgId());
        org.put("name", r.rootName());
        m.put("org", org);
        m.put("period", period(r.period()));
        m.put("previousPeriod", period(r.previousPeriod()));
        m.put("totals", totals(r.totals()));
        m.put("previousTotals", totals(r.previousTotals()));
        Map<String, Object> change = new LinkedHashMap<>();
        for (Totals.Metric metric : Totals.Metric.values()) {
            change.put(key(metric), change(r.change(metric)));
        }
        m.put("change", change);
        m.put("byCategory", rows(r.byCategory(), "category"));
        m.put("byMonth", rows(r.byMonth(), "month"));
        m.put("byChildOrg", rows(r.byChildOrg(), "org"));
        Map<String, Object> honors = new LinkedHashMap<>();
        honors.put("total", r.honors().total());
        honors.put("previousTotal", r.previousHonors().total());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (HonorTable.Cell c : r.honors().cells()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("level", c.level());
            cell.put("kind", c.kind());
            cell.put("count", c.count());
            cell.put("previous", r.previousHonors().count(c.level(), c.kind()));
            cells.add(cell);
        }
        honors.put("cells", cells);
        m.put("honors", honors);
        OrgWork w = r.orgWork();
        Map<String, Object> ow = new LinkedHashMap<>();
        ow.put("asOf", Dates.iso(w.asOf()));
        ow.put("monthsAhead", w.monthsAhead());
        ow.put("electionsHeld", change(w.electionsHeld()));
        ow.put("founded", change(w.founded()));
        ow.put("electionsOverdue", w.electionsOverdue());
        ow.put("electionsDueSoon", w.electionsDueSoon());
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("atStart", w.membersAtStart());
        members.put("atEnd", w.membersAtEnd());
        members.put("change", w.memberChange());
        members.put("joined", w.joined());
        members.put("left", w.left());
        ow.put("members", members);
        ow.put("ageOuts", w.ageOuts());
        ow.put("withoutOrg", w.withoutOrg());
        m.put("orgWork", ow);
        return m;
    }

    static String key(Totals.Metric metric) {
        return switch (metric) {
            case ACTIVITIES -> "activities";
            case PARTICIPANTS -> "participants";
            case SERVICE_TENTHS -> "serviceTenths";
            case BENEFICIARIES -> "beneficiaries";
        };
    }

    public static Map<String, Object> period(Period p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Dates.iso(p.from()));
        m.put("to", Dates.iso(p.to()));
        m.put("label", p.label());
        m.put("code", p.code());
        return m;
    }

    public static Map<String, Object> totals(Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activities", t.activities());
        m.put("participants", t.participants());
        m.put("serviceTenths", t.serviceTenths());
        m.put("serviceHours", t.serviceHours());
        m.put("beneficiaries", t.beneficiaries());
        return m;
    }

    public static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", c.current());
        m.put("previous", c.previous());
        m.put("delta", c.delta());
        m.put("percent", c.percent());
        return m;
    }

    private static List<Map<String, Object>> rows(List<Row> rows, String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (kind.equals("month")) {
                m.put("month", r.key());
            } else {
                m.put("id", r.id());
            }
            m.put("name", r.label());
            if (kind.equals("category")) {
                m.put("active", r.note() == null);
            }
            if (kind.equals("org")) {
                m.put("own", "本级".equals(r.note()));
            }
            m.put("totals", totals(r.totals()));
            m.put("previous", totals(r.previous()));
            out.add(m);
        }
        return out;
    }

    public static Map<String, Object> reminders(Reminders r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", REMINDERS_SCHEMA);
        m.put("at", Dates.iso(r.at()));
        m.put("months", r.months());
        m.put("electionsOverdue", list(r.electionsOverdueCount(), r.electionsOverdue().stream().map(StatsJson::due).toList()));
        m.put("electionsDueSoon", list(r.electionsDueSoonCount(), r.electionsDueSoon().stream().map(StatsJson::due).toList()));
        m.put("turning28", list(r.turning28Count(), r.turning28().stream().map(StatsJson::ageOut).toList()));
        m.put("over28", list(r.over28Count(), r.over28().stream().map(StatsJson::ageOut).toList()));
        Map<String, Object> without = new LinkedHashMap<>();
        without.put("count", r.withoutOrgCount());
        m.put("withoutOrg", without);
        m.put("planItemsOverdue", list(r.planItemsOverdueCount(), r.planItemsOverdue().stream().map(StatsJson::planItem).toList()));
        return m;
    }

    private static Map<String, Object> list(long count, List<Map<String, Object>> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("items", items);
        return m;
    }

    private static Map<String, Object> due(ElectionDue e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", e.orgId());
        m.put("org", e.orgName());
        m.put("type", e.typeName());
        m.put("lastElection", e.lastElection() == null ? null : Dates.iso(e.lastElection()));
        m.put("founded", e.founded() == null ? null : Dates.iso(e.founded()));
        m.put("termYears", e.termYears());
        m.put("due", Dates.iso(e.due()));
        return m;
    }

    private static Map<String, Object> planItem(PlanItemDue p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", p.itemId());
        m.put("planId", p.planId());
        m.put("plan", p.planTitle());
        m.put("text", p.text());
        m.put("org", p.orgName());
        m.put("due", Dates.iso(p.due()));
        m.put("status", p.status().label);
        return m;
    }

    private static Map<String, Object> ageOut(AgeOut a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", a.personId());
        m.put("name", a.name());
        m.put("birthDate", Dates.iso(a.birthDate()));
        m.put("turns28", Dates.iso(a.turns28()));
        m.put("org", a.orgName());
        return m;
    }

    public static Map<String, Object> behind(Behind b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", RECORDS_SCHEMA);
        m.put("title", b.title());
        m.put("total", b.total());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecordRow r : b.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", r.kind());
            row.put("id", r.id());
            row.put("date", r.date() == null ? null : Dates.iso(r.date()));
            row.put("title", r.title());
            row.put("org", r.orgName());
            row.put("detail", r.detail());
            rows.add(row);
        }
        m.put("rows", rows);
        return m;
    }
}
