package org.taizhang.cli;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.ORG;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jooq.BatchBindStep;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.honor.HonorKind;
import org.taizhang.honor.HonorLevel;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryContent;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.report.WordWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench summary}: the annual summary (总结+计划, with the statistics appendix) for the root of a
 * large data set, timed: figures, draft, and the whole thing written to .docx. When the demo generator
 * made no activities, this fills the database with them in batched inserts first.
 */
@Command(name = "summary", description = "生成总结性能测试：大数据量下生成全区年度总结（目标 < 2 秒）")
final class BenchSummary implements Callable<Integer> {
    private static final String[] NAMES = {"学雷锋志愿服务", "青年理论学习", "职工篮球赛", "慰问困难职工", "普法宣传", "青年联谊会",
        "业务技能培训", "季度工作例会", "知识竞赛", "社区环境整治"};

    @Spec
    CommandSpec spec;
    @Option(names = "--orgs", defaultValue = "10000", description = "组织数（默认 ${DEFAULT-VALUE}）")
    int orgs;
    @Option(names = "--people", defaultValue = "15000", description = "人数（默认 ${DEFAULT-VALUE}）")
    int people;
    @Option(names = "--activities", defaultValue = "1000000", description = "活动数（默认 ${DEFAULT-VALUE}）")
    int activities;
    @Option(names = "--honors", defaultValue = "5000", description = "荣誉数（默认 ${DEFAULT-VALUE}）")
    int honors;
    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Cli.out(spec);
        try (Database db = BenchCommand.prepare(spec, new DemoData.Size(orgs, people, activities, honors), out)) {
            LocalDate today = LocalDate.now();
            int[] c = DemoData.counts(db);
            if (c[2] < activities / 2) {
                long t0 = System.nanoTime();
                fill(db, activities - c[2], honors - c[3], today);
                out.printf("补充生成活动 %d 场、荣誉 %d 项（批量插入），用时 %.1f 秒%n", activities - c[2], Math.max(0, honors - c[3]),
                        (System.nanoTime() - t0) / 1e9);
            }
            int root = db.read(ctx -> ctx.select(ORG.ID).from(ORG).where(ORG.PARENT_ID.isNull()).orderBy(ORG.ID).limit(1)
                    .fetchOne(ORG.ID));
            int year = today.getYear() - 1;
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            long inYear = db.read(ctx -> ctx.fetchCount(ACTIVITY, ACTIVITY.START_DATE.between(from, to)));
            out.printf("全区（组织 #%d）%d 年度：共 %d 场活动在该年度内，数据库中活动总数 %d%n", root, year, inYear, DemoData.counts(db)[2]);
            SummaryComposer composer = new SummaryComposer(db);
            Path file = Files.createTempDirectory("taizhang-bench").resolve("年度总结.docx");
            double figures = BenchCommand.medianMs(runs, () -> composer.figures(root, from, to));
            double draft = BenchCommand.medianMs(runs, () -> composer.draft(root, from, to, SummaryTemplate.BOTH, null));
            double whole = BenchCommand.medianMs(runs, () -> {
                SummaryContent s = composer.draft(root, from, to, SummaryTemplate.BOTH, null).withAppendices(List.of("stats"));
                composer.export(s, file);
                return s;
            });
            SummaryContent s = composer.draft(root, from, to, SummaryTemplate.BOTH, null);
            double write = BenchCommand.medianMs(runs, () -> {
                WordWriter.write(composer.toDocument(s), file);
                return null;
            });
            out.printf("统计数字（总数、分类、荣誉、组织建设）：%.0f ms%n", figures);
            out.printf("起草总结（含数字与特色活动）：%.0f ms%n", draft);
            out.printf("排版并写出 Word：%.0f ms%n", write);
            out.printf("年度总结全过程（起草 + 附件统计表 + 写出 .docx）：%.0f ms（目标 < 2000 ms）%s%n", whole, whole < 2000 ? "" : "，未达标");
            out.printf("文件：%s（%d 字节）%n", file, Files.size(file));
            return 0;
        }
    }

    /** Activities spread over the last three years across every organisation; about 5% highlighted. */
    static void fill(Database db, int count, int honorCount, LocalDate today) {
        List<Integer> orgIds = db.read(ctx -> ctx.select(ORG.ID).from(ORG).fetch(ORG.ID));
        SplittableRandom r = new SplittableRandom(2021);
        LocalDate start = LocalDate.of(today.getYear() - 2, 1, 1);
        int days = (int) (today.toEpochDay() - start.toEpochDay());
        int chunk = 50_000;
        for (int done = 0; done < count; done += chunk) {
            int n = Math.min(chunk, count - done);
            db.txRun(ctx -> {
                BatchBindStep b = ctx.batch(ctx.insertInto(ACTIVITY, ACTIVITY.START_DATE, ACTIVITY.NAME, ACTIVITY.ORG_ID, ACTIVITY.CATEGORY_ID,
                        ACTIVITY.PARTICIPANTS, ACTIVITY.SERVICE_TENTHS, ACTIVITY.BENEFICIARIES, ACTIVITY.HIGHLIGHT, ACTIVITY.PLANNED)
                        .values((LocalDate) null, null, null, null, null, null, null, null, null));
                for (int i = 0; i < n; i++) {
                    int cat = 1 + r.nextInt(10);
                    LocalDate d = start.plusDays(r.nextInt(days));
                    boolean vol = cat == 2;
                    b.bind(d, NAMES[cat - 1], orgIds.get(r.nextInt(orgIds.size())), cat == 10 ? 10 : cat, 5 + r.nextInt(200),
                            vol ? 10 * (1 + r.nextInt(40)) : 0, vol || cat == 4 ? r.nextInt(300) : 0, r.nextInt(20) == 0,
                            d.isAfter(today.minusDays(30)) && r.nextInt(4) == 0);
                }
                b.execute();
            });
        }
        if (honorCount > 0) {
            String[] levels = HonorLevel.labels().toArray(String[]::new);
            db.txRun(ctx -> {
                BatchBindStep b = ctx.batch(ctx.insertInto(HONOR, HONOR.HONOR_DATE, HONOR.TITLE, HONOR.LEVEL, HONOR.KIND, HONOR.ORG_ID)
                        .values((LocalDate) null, null, null, null, null));
                for (int i = 0; i < honorCount; i++) {
                    int l = Math.min(5, (int) Math.floor(Math.abs(r.nextGaussian()) * 2 + 1));
                    b.bind(start.plusDays(r.nextInt(days)), "先进集体", levels[l], HonorKind.COLLECTIVE.label, orgIds.get(r.nextInt(orgIds.size())));
                }
                b.execute();
            });
        }
    }
}
