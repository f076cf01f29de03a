package org.taizhang.cli;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jooq.BatchBindStep;
import org.taizhang.common.Dates;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.honor.HonorKind;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.Period;
import org.taizhang.stats.Report;
import org.taizhang.stats.StatsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench stats}: a full year's statistics for the root on a large database, through
 * {@link StatsService#report} and as the same SQL written by hand and run by the {@code sqlite3}
 * command-line tool on the same file; prints both medians and the ratio (target ≤ 1.5×).
 */
@Command(name = "stats", description = "统计性能：在 100 万条活动的数据库上统计全区一整年，并与 sqlite3 命令行直接执行等价 SQL 的用时对比")
final class BenchStats implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--orgs", defaultValue = "10000")
    int orgs;
    @Option(names = "--people", defaultValue = "99999")
    int people;
    @Option(names = "--activities", defaultValue = "1000000", description = "活动数；数据库中不足时补足（默认 ${DEFAULT-VALUE}）")
    int activities;
    @Option(names = "--honors", defaultValue = "20000")
    int honors;
    @Option(names = "--runs", defaultValue = "7")
    int runs;
    @Option(names = "--year", description = "统计哪一年（默认去年）")
    Integer year;
    @Option(names = "--sqlite3", defaultValue = "sqlite3", description = "sqlite3 命令行工具（默认在 PATH 中找）")
    String sqlite3;
    @Option(names = "--save-sql", description = "把手写的等价 SQL 另存到该文件，便于核对")
    Path saveSql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Cli.out(spec);
        try (Database db = BenchCommand.prepare(spec, new DemoData.Size(orgs, people, 0, 0), out)) {
            fill(db, out);
            int root = db.read(ctx -> ctx.select(ORG.ID).from(ORG).where(ORG.PARENT_ID.isNull()).orderBy(ORG.ID).limit(1).fetchOne(ORG.ID));
            Period p = Period.year(year != null ? year : LocalDate.now().getYear() - 1);
            StatsService svc = new StatsService(db);
            Report r = svc.report(root, p);
            out.printf("统计：%s %s：%d 场，%d 人次，%s 小时，惠及 %d 人；荣誉 %d 项%n", r.rootName(), p.label(), r.totals().activities(),
                    r.totals().participants(), r.totals().serviceHoursText(), r.totals().beneficiaries(), r.honors().total());
            String script = script(root, p, svc.asOf(p), StatsService.DEFAULT_MONTHS);
            Path sql = Files.createTempFile("taizhang-bench-stats", ".sql");
            Files.writeString(sql, script, StandardCharsets.UTF_8);
            if (saveSql != null) {
                Files.writeString(saveSql, script, StandardCharsets.UTF_8);
            }
            // cross-check: the plain hand-written total must equal the sum of our grouped figures
            Path check = Files.createTempFile("taizhang-bench-check", ".sql");
            Files.writeString(check, "SELECT count(*), sum(participants), sum(service_tenths), sum(beneficiaries) FROM activity WHERE start_date BETWEEN '"
                    + p.from() + "' AND '" + p.to() + "' AND planned = 0 AND org_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE id = "
                    + root + " UNION ALL SELECT org.id FROM org JOIN sub ON org.parent_id = sub.id) SELECT id FROM sub);\n", StandardCharsets.UTF_8);
            String first = runSqlite(db.file(), check).strip();
            Files.deleteIfExists(check);
            String expect = r.totals().activities() + "|" + r.totals().participants() + "|" + r.totals().serviceTenths() + "|"
                    + r.totals().beneficiaries();
            out.printf("核对：sqlite3 直接求和 %s，本程序 %s，%s%n", first, expect, first.equals(expect) ? "一致" : "不一致！");
            // both measured in this one run, alternating, so both see the same machine load and page cache
            double[] ours = new double[runs];
            double[] theirs = new double[runs];
            svc.report(root, p);
            runSqlite(db.file(), sql);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                svc.report(root, p);
                ours[i] = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                runSqlite(db.file(), sql);
                theirs[i] = (System.nanoTime() - t0) / 1e6;
            }
            double a = median(ours);
            double b = median(theirs);
            double totalsOnly = BenchCommand.medianMs(runs, () -> new Object[] {svc.totals(root, p), svc.totals(root, p.previousYear())});
            out.printf("全区一整年统计（StatsService.report，%d 条 SQL，含同比、分类、月份、下级、荣誉、组织工作）：%.1f ms（中位数，%d 次）%n",
                    script.lines().filter(l -> l.endsWith(";")).count(), a, runs);
            out.printf("同样的 SQL 由 sqlite3 命令行执行（含启动进程）：%.1f ms%n", b);
            out.printf("比值：%.2f 倍（目标 ≤ 1.5 倍）%s%n", a / b, a / b <= 1.5 ? "，达标" : "，未达标");
            out.printf("统计页先显示的主要数字（本期与同期的场次/人次/时长/惠及）：%.1f ms（目标 < 500 ms，%s）；其余分类明细随后填入%n",
                    totalsOnly, totalsOnly < 500 ? "达标" : "未达标");
            Files.deleteIfExists(sql);
            return 0;
        }
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private String runSqlite(Path dbFile, Path script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(sqlite3, "-batch", "-readonly", dbFile.toString());
        pb.redirectInput(script.toFile());
        pb.redirectErrorStream(true);
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new UserException("找不到 sqlite3 命令行工具（" + sqlite3 + "）。请先安装（如 apt-get install sqlite3），或用 --sqlite3 指定路径");
        }
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(120, TimeUnit.SECONDS) || proc.exitValue() != 0) {
            throw new IllegalStateException("sqlite3 执行失败：" + output);
        }
        return output;
    }

    /** Adds activities (and honours, when there are none) with fast batched inserts until there are {@code activities}. */
    private void fill(Database db, PrintWriter out) {
        int have = db.read(ctx -> ctx.fetchCount(ACTIVITY));
        int haveHonors = db.read(ctx -> ctx.fetchCount(HONOR));
        if (have >= activities && haveHonors > 0) {
            return;
        }
        long t0 = System.nanoTime();
        List<Integer> orgIds = db.read(ctx -> ctx.select(ORG.ID).from(ORG).fetch(ORG.ID));
        List<Integer> personIds = db.read(ctx -> ctx.select(PERSON.ID).from(PERSON).fetch(PERSON.ID));
        SplittableRandom r = new SplittableRandom(6);
        LocalDate start = LocalDate.now().minusYears(5).withDayOfYear(1);
        int span = (int) (LocalDate.now().toEpochDay() - start.toEpochDay());
        int todo = Math.max(0, activities - have);
        for (int done = 0; done < todo; ) {
            int chunk = Math.min(50_000, todo - done);
            db.txRun(ctx -> {
                BatchBindStep b = ctx.batch(ctx.insertInto(ACTIVITY, ACTIVITY.START_DATE, ACTIVITY.NAME, ACTIVITY.ORG_ID, ACTIVITY.CATEGORY_ID,
                        ACTIVITY.PARTICIPANTS, ACTIVITY.SERVICE_TENTHS, ACTIVITY.BENEFICIARIES, ACTIVITY.PLANNED)
                        .values((LocalDate) null, null, null, null, null, null, null, null));
                for (int i = 0; i < chunk; i++) {
                    b.bind(start.plusDays(r.nextInt(span)), "活动", orgIds.get(r.nextInt(orgIds.size())), 1 + r.nextInt(10),
                            5 + r.nextInt(200), r.nextInt(400), r.nextInt(3) == 0 ? 0 : r.nextInt(500), r.nextInt(50) == 0);
                }
                b.execute();
            });
            done += chunk;
        }
        if (haveHonors == 0 && honors > 0) {
            db.txRun(ctx -> {
                BatchBindStep b = ctx.batch(ctx.insertInto(HONOR, HONOR.HONOR_DATE, HONOR.TITLE, HONOR.LEVEL, HONOR.KIND, HONOR.ORG_ID,
                        HONOR.PERSON_ID).values((LocalDate) null, null, null, null, null, null));
                for (int i = 0; i < honors; i++) {
                    boolean person = r.nextBoolean() && !personIds.isEmpty();
                    b.bind(start.plusDays(r.nextInt(span)), "先进", HonorTable.LEVELS.get(r.nextInt(HonorTable.LEVELS.size())),
                            (person ? HonorKind.INDIVIDUAL : HonorKind.COLLECTIVE).label, orgIds.get(r.nextInt(orgIds.size())), person ? personIds.get(r.nextInt(personIds.size())) : null);
                }
                b.execute();
            });
        }
        db.withConnection(c -> {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        out.printf("补充数据：活动 %d 场，荣誉 %d 项，用时 %.1f 秒%n", todo, haveHonors == 0 ? honors : 0, (System.nanoTime() - t0) / 1e9);
    }

    /** The statistics of {@link StatsService#report} as hand-written SQL, one statement per line. */
    static String script(int root, Period p, LocalDate asOf, int months) {
        Period prev = p.previousYear();
        StringBuilder s = new StringBuilder();
        String sub = "WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE id = " + root
                + " UNION ALL SELECT org.id FROM org JOIN sub ON org.parent_id = sub.id) SELECT id FROM sub";
        String sums = "count(*), sum(participants), sum(service_tenths), sum(beneficiaries)";
        String cube = "WITH RECURSIVE sub(id, top) AS (SELECT id, id FROM org WHERE parent_id = " + root + " OR id = " + root
                + " UNION ALL SELECT org.id, sub.top FROM org JOIN sub ON org.parent_id = sub.id WHERE sub.id <> " + root + ") ";
        s.append("SELECT name FROM org WHERE id = ").append(root).append(";\n");
        // the activity figures: one pass per period grouped by (direct child / 本级, category, month)
        for (Period q : List.of(p, prev)) {
            s.append(cube).append("SELECT sub.top, category_id, substr(start_date, 1, 7), ").append(sums)
                    .append(" FROM sub CROSS JOIN activity WHERE activity.org_id = sub.id AND start_date BETWEEN '").append(q.from())
                    .append("' AND '").append(q.to()).append("' AND planned = 0 GROUP BY sub.top, category_id, substr(start_date, 1, 7);\n");
        }
        s.append("SELECT * FROM activity_category ORDER BY sort_order, id;\n");
        s.append("SELECT name FROM org WHERE id = ").append(root).append(";\n");
        s.append("SELECT id, name FROM org WHERE parent_id = ").append(root).append(" ORDER BY sort_order, id;\n");
        for (Period q : List.of(p, prev)) {
            s.append("SELECT level, kind, count(*) FROM honor WHERE honor_date BETWEEN '").append(q.from()).append("' AND '").append(q.to())
                    .append("' AND org_id IN (").append(sub).append(") GROUP BY level, kind;\n");
        }
        String orgFrom = "SELECT count(*) FROM org JOIN org_type ON org_type.id = org.type_id WHERE ";
        String inSub = " AND org.id IN (" + sub + ");\n";
        for (Period q : List.of(p, prev)) {
            s.append(orgFrom).append("last_election_on BETWEEN '").append(q.from()).append("' AND '").append(q.to()).append("'").append(inSub);
        }
        for (Period q : List.of(p, prev)) {
            s.append(orgFrom).append("founded_on BETWEEN '").append(q.from()).append("' AND '").append(q.to()).append("'").append(inSub);
        }
        String base = "coalesce(last_election_on, founded_on)";
        String raw = "date(" + base + ", '+' || coalesce(org.term_years, org_type.default_term_years) || ' years')";
        String due = "CASE WHEN substr(" + raw + ", 9, 2) <> substr(" + base + ", 9, 2) THEN date(" + raw + ", 'start of month', '-1 day') ELSE "
                + raw + " END";
        s.append(orgFrom).append(base).append(" IS NOT NULL AND ").append(due).append(" < '").append(asOf).append("'").append(inSub);
        s.append(orgFrom).append(base).append(" IS NOT NULL AND ").append(due).append(" BETWEEN '").append(asOf).append("' AND '")
                .append(asOf.plusMonths(months)).append("'").append(inSub);
        for (LocalDate d : List.of(p.from(), p.to())) {
            s.append("SELECT count(DISTINCT person_id) FROM membership WHERE ").append(valid(d)).append(" AND org_id IN (").append(sub).append(");\n");
        }
        s.append("SELECT count(*) FROM membership WHERE joined_on BETWEEN '").append(p.from()).append("' AND '").append(p.to())
                .append("' AND org_id IN (").append(sub).append(");\n");
        s.append("SELECT count(*) FROM membership WHERE left_on BETWEEN '").append(p.from()).append("' AND '").append(p.to())
                .append("' AND org_id IN (").append(sub).append(");\n");
        String b28raw = "date(birth_date, '+28 years')";
        String b28 = "CASE WHEN substr(" + b28raw + ", 9, 2) <> substr(birth_date, 9, 2) THEN date(" + b28raw
                + ", 'start of month', '-1 day') ELSE " + b28raw + " END";
        s.append("SELECT count(*) FROM person WHERE political_status = '共青团员' AND birth_date BETWEEN '")
                .append(p.from().minusYears(28).minusDays(1)).append("' AND '").append(p.to().minusYears(28).plusDays(1)).append("' AND ")
                .append(b28).append(" BETWEEN '").append(p.from()).append("' AND '").append(p.to())
                .append("' AND EXISTS (SELECT 1 FROM membership WHERE membership.person_id = person.id AND ").append(valid(p.to()))
                .append(" AND +membership.org_id IN (").append(sub).append("));\n");
        s.append("SELECT count(*) FROM person;\n");
        s.append("SELECT count(DISTINCT person_id) FROM membership WHERE ").append(valid(p.to())).append(";\n");
        return s.toString();
    }

    private static String valid(LocalDate d) {
        String iso = Dates.iso(d);
        return "(joined_on IS NULL OR joined_on <= '" + iso + "') AND (left_on IS NULL OR left_on > '" + iso + "')";
    }
}
