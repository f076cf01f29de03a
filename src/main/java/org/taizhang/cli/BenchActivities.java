package org.taizhang.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityPage;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.honor.HonorFilter;
import org.taizhang.honor.HonorService;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench activities}: a million activities, then the table page + totals for a year and a subtree. */
@Command(name = "activities", description = "活动台账：生成大量活动后，测量“按年度 + 组织子树筛选，显示表格一页和合计”的用时")
final class BenchActivities implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--orgs", defaultValue = "2000", description = "组织数（默认 ${DEFAULT-VALUE}）")
    int orgs;
    @Option(names = "--people", defaultValue = "25000", description = "人数（默认 ${DEFAULT-VALUE}）")
    int people;
    @Option(names = "--activities", defaultValue = "1000000", description = "活动数（默认 ${DEFAULT-VALUE}）")
    int activities;
    @Option(names = "--honors", defaultValue = "5000", description = "荣誉数（默认 ${DEFAULT-VALUE}）")
    int honors;
    @Option(names = "--runs", defaultValue = "7", description = "每项重复次数，取中位数（默认 ${DEFAULT-VALUE}）")
    int runs;
    @Option(names = "--page", defaultValue = "200", description = "表格一页的行数（默认 ${DEFAULT-VALUE}）")
    int page;
    @Option(names = "--text-only", description = "只测文字搜索一节")
    boolean textOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Cli.out(spec);
        try (Database db = BenchCommand.prepare(spec, new DemoData.Size(orgs, people, activities, honors), out)) {
            ActivityService svc = new ActivityService(db);
            OrgService orgSvc = new OrgService(db);
            OrgTree tree = new OrgTree(orgSvc.listAll());
            int year = LocalDate.now().getYear() - 1;
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            Org root = tree.roots().getFirst();
            List<Org> top = tree.children(root.id());
            Org mid = top.isEmpty() ? root : top.getFirst();
            Org small = mid;
            for (Org c : tree.children(mid.id())) {
                if (!tree.children(c.id()).isEmpty()) {
                    small = c;
                    break;
                }
            }
            out.printf("目标：表格一页 + 合计 < 200 ms（%d 年，每页 %d 行，%d 次取中位数）%n", year, page, runs);
            for (Org o : textOnly ? new Org[0] : new Org[] {root, mid, small}) {
                ActivityFilter f = new ActivityFilter(from, to, o.id(), null, null);
                ActivityPage p = svc.list(f, 0, page);
                double ms = BenchCommand.medianMs(runs, () -> svc.list(f, 0, page));
                out.printf("%s（子树）%d 年：%s；表格一页 + 合计 %.1f ms%n", o.name(), year, p.totals().text(), ms);
            }
            ActivityFilter f = new ActivityFilter(from, to, mid.id(), null, null);
            if (!textOnly) {
                double totals = BenchCommand.medianMs(runs, () -> svc.totals(f));
                out.printf("只算合计（%s，%d 年）：%.1f ms%n", mid.name(), year, totals);
                out.printf("只取表格一页、不先算合计（按组织索引取出再排序；%s，%d 年）：%.1f ms%n", mid.name(), year,
                        BenchCommand.medianMs(runs, () -> svc.rows(f, ActivitySort.DATE, true, 0, page)));
                int cat = svc.categoryByName("志愿服务").id();
                ActivityFilter fc = f.withCategory(cat);
                out.printf("再加类别“志愿服务”：%s；%.1f ms%n", svc.totals(fc).text(),
                        BenchCommand.medianMs(runs, () -> svc.list(fc, 0, page)));
            }
            out.printf("文字搜索（FTS5 三字索引，目标 < 50 ms；“一页 + 合计”是表格收到的完整答复，另列其中只取一页"
                    + "（已知场次时）和只算合计各自的用时；%d 次取中位数，括号内为本线程 CPU 时间）：%n", runs);
            for (ActivityFilter ft : List.of(f.withText("学雷锋"), ActivityFilter.ALL.withText("学雷锋"),
                    ActivityFilter.ALL.withText("空巢"), ActivityFilter.ALL.withText("义诊 中心"),
                    new ActivityFilter(from, to, null, null, "金秋助学"), new ActivityFilter(from, to, small.id(), null, "社区"),
                    ActivityFilter.ALL.withText("社区"), ActivityFilter.ALL.withText("不存在的文字"))) {
                String scope = ft.orgRootId() != null ? tree.get(ft.orgRootId()).name() + " " + year + " 年"
                        : ft.from() != null ? "全库 " + year + " 年" : "全库";
                long n = svc.totals(ft).count();
                out.printf("  “%s”（%s）：%s%n    一页 + 合计 %s；只取一页 %s；只算合计 %s%n", ft.text(), scope, svc.totals(ft).text(),
                        BenchCommand.medianWithCpu(runs, () -> svc.list(ft, 0, page)),
                        BenchCommand.medianWithCpu(runs, () -> svc.rows(ft, ActivitySort.DATE, true, 0, page, n)),
                        BenchCommand.medianWithCpu(runs, () -> svc.totals(ft)));
            }
            if (textOnly) {
                out.flush();
                return 0;
            }
            out.printf("按参与人次排序的一页 + 合计：%.1f ms%n",
                    BenchCommand.medianMs(runs, () -> svc.list(f, ActivitySort.PARTICIPANTS, true, 0, page)));
            out.printf("翻到第 50 页：%.1f ms%n", BenchCommand.medianMs(runs, () -> svc.list(f, 49 * page, page)));
            HonorService honorSvc = new HonorService(db);
            HonorFilter hf = new HonorFilter(from, to, root.id(), null, null, null, null);
            out.printf("荣誉按级别 × 类型计数（全区 %d 年）：%s；%.1f ms%n", year, honorSvc.counts(hf).line(),
                    BenchCommand.medianMs(runs, () -> honorSvc.counts(hf)));
            out.flush();
            return 0;
        }
    }
}
