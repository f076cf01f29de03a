package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.HONOR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorService;
import org.taizhang.person.IdNumber;

/**
 * Honours through {@link HonorService}: its validation and insert. The recipient organisation is
 * matched by name or path, a person by ID number (preferred), #编号, or a name unique in that
 * organisation; the same honour twice is reported.
 */
final class HonorImporter extends KindImporter<HonorImporter.HonorRowIn, Map<Integer, HonorInput>> {
    record HonorRowIn(LocalDate date, String title, String level, String kind, String orgRef, String person, String idNumber,
                      String issuer, String note) {
    }

    private final HonorService honors;
    private final LocalDate today = LocalDate.now();

    HonorImporter(Database db, ImportRequest request) {
        super(request);
        this.honors = new HonorService(db);
    }

    @Override
    HonorRowIn parse(RowValues v) {
        LocalDate date = v.date("date");
        if (date == null && v.ok()) {
            v.problem("date", "不能为空，请填写获得荣誉的日期，如 2024-05-04");
        }
        String title = v.requiredText("title", 100);
        String levelText = v.requiredText("level", 20);
        String level = levelText == null ? null : HonorService.normaliseLevel(levelText);
        if (levelText != null && level == null) {
            v.problem("level", "“" + levelText + "”不是荣誉级别，可选：" + String.join("、", HonorService.LEVELS));
        }
        String kindText = v.text("kind", 10);
        String kind = kindText == null ? null : HonorService.normaliseKind(kindText);
        if (kindText != null && kind == null) {
            v.problem("kind", "“" + kindText + "”不是荣誉类型，请填 集体 或 个人");
        }
        String org = v.requiredText("org", 300);
        String person = v.text("person", 30);
        CellValue idCell = v.cell("idNumber");
        // an exported sheet has masked ID numbers: the name identifies the person then
        boolean masked = idCell != null && idCell.kind() == CellValue.Kind.TEXT && idCell.text().contains("*");
        String id = masked && person != null ? null : v.idNumber("idNumber");
        if (kind == null && kindText == null) {
            kind = person != null || id != null ? HonorService.INDIVIDUAL : HonorService.COLLECTIVE;
        }
        String issuer = v.text("issuer", 100);
        String note = v.text("note", 500);
        if (date != null && date.isAfter(today)) {
            v.problem("date", "日期 " + date + " 晚于今天；荣誉只能登记已经获得的");
        }
        if (!v.ok()) {
            return null;
        }
        return new HonorRowIn(date, title, level, kind, org, person, id, issuer, note);
    }

    @Override
    Plan<HonorRowIn, Map<Integer, HonorInput>> resolve(DSLContext ctx, List<Parsed<HonorRowIn>> rows) {
        Plan<HonorRowIn, Map<Integer, HonorInput>> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<String, OrgIndex.Lookup> orgs = new HashMap<>();
        Set<String> existing = new HashSet<>();
        ctx.select(HONOR.HONOR_DATE, HONOR.TITLE, HONOR.ORG_ID, HONOR.PERSON_ID).from(HONOR).fetch()
                .forEach(r -> existing.add(key(r.value1(), r.value2(), r.value3(), r.value4())));
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, HonorInput> inputs = new HashMap<>();
        for (Parsed<HonorRowIn> p : rows) {
            HonorRowIn h = p.value();
            List<RowProblem> problems = new ArrayList<>();
            OrgIndex.Lookup l = orgs.computeIfAbsent(h.orgRef(), index::resolve);
            Integer orgId = null;
            if (l.status() != OrgIndex.Lookup.Status.FOUND) {
                problems.add(problem(p.row(), "org", h.orgRef(), l.message()));
            } else {
                orgId = l.id();
            }
            Integer personId = null;
            if (HonorService.INDIVIDUAL.equals(h.kind()) && problems.isEmpty()) {
                String who = h.idNumber() != null ? h.idNumber() : h.person();
                if (who == null) {
                    problems.add(problem(p.row(), "person", "", "个人荣誉请填写获奖人姓名或身份证号"));
                } else {
                    try {
                        personId = honors.resolvePerson(who, orgId);
                    } catch (ValidationException e) {
                        String field = h.idNumber() != null ? "idNumber" : "person";
                        problems.add(problem(p.row(), field, h.idNumber() != null ? IdNumber.mask(who) : who,
                                e.errors().getFirst().message()));
                    }
                }
            }
            if (problems.isEmpty()) {
                try {
                    HonorInput in = honors.validate(new HonorInput(h.date(), h.title(), h.level(), h.kind(), orgId, personId,
                            h.issuer(), h.note()));
                    String key = key(in.date(), in.title(), in.orgId(), in.personId());
                    if (existing.contains(key)) {
                        problems.add(problem(p.row(), "title", h.title(), "已登记过同一荣誉（同一日期、名称和获奖者），不再导入"));
                    } else {
                        Integer first = seen.putIfAbsent(key, p.row());
                        if (first != null) {
                            problems.add(problem(p.row(), "title", h.title(), "与第 " + first + " 行重复（同一日期、名称和获奖者）"));
                        }
                    }
                    inputs.put(p.row(), in);
                } catch (ValidationException e) {
                    problems.addAll(serviceProblems(p.row(), e, "title"));
                }
            }
            plan.settle(p, problems);
        }
        plan.resolved = inputs;
        return plan;
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<HonorRowIn, Map<Integer, HonorInput>> plan, ImportProgress progress) {
        Map<Integer, HonorInput> inputs = plan.resolved;
        int n = 0;
        for (Parsed<HonorRowIn> p : plan.accepted) {
            honors.insert(ctx, Objects.requireNonNull(inputs.get(p.row())));
            if ((++n & 255) == 0) {
                progress.checkCancelled();
                progress.update("正在写入", n, plan.accepted.size());
            }
        }
        return new ImportResult(n, 0, List.of("已导入荣誉 " + n + " 项"));
    }
}
