package org.taizhang.cli;

import org.taizhang.app.DemoDataFactory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.taizhang.common.Pinyin;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.person.PersonService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", description = "性能测试：生成大数据量后测量各操作用时并打印",
        subcommands = {
                BenchCommand.Roster.class,
                BenchActivities.class,
                BenchStats.class,
                BenchImport.class,
                BenchSummary.class,
                BenchStartup.class})
final class BenchCommand {
    private BenchCommand() {
    }

    /** Median of {@code runs} timings in milliseconds after one warm-up. */
    static double medianMs(int runs, Supplier<?> work) {
        work.get();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /**
     * "12.3 ms（CPU 10.1 ms）": the median wall time of {@code runs} after one warm-up, and the median CPU time
     * of this thread (SQLite runs in it) — on a busy machine the CPU time shows the work itself.
     */
    static String medianWithCpu(int runs, Supplier<?> work) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        work.get();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return String.format("%.1f ms（CPU %.1f ms）", wall[runs / 2], cpu[runs / 2]);
    }

    /**
     * The database to measure: the --db file when given, else a fresh file in a temp folder; filled
     * with demo data of {@code size} when empty.
     */
    static Database prepare(CommandSpec spec, DemoData.Size size, PrintWriter out) throws java.io.IOException {
        TaizhangCli root = Cli.root(spec);
        Path file = root.db != null ? root.db : Files.createTempDirectory("taizhang-bench").resolve("bench.db");
        Database db = Database.open(file);
        if (DemoData.isEmpty(db)) {
            long t0 = System.nanoTime();
            DemoData.Result r = DemoDataFactory.create(db, LocalDate.now()).generate(size, 7, p -> { });
            out.printf("生成数据：组织 %d，人员 %d，活动 %d，荣誉 %d，用时 %.1f 秒（%s）%n", r.orgs(), r.people(), r.activities(),
                    r.honors(), (System.nanoTime() - t0) / 1e9, file);
        } else {
            int[] c = DemoData.counts(db);
            out.printf("使用已有数据：组织 %d，人员 %d，活动 %d，荣誉 %d（%s）%n", c[0], c[1], c[2], c[3], file);
        }
        return db;
    }

    @Command(name = "roster", description = "组织名册：打开名册（读出全部组织并建树）、按名称/拼音筛选、读取成员表一页")
    static final class Roster implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--orgs", defaultValue = "10000")
        int orgs;
        @Option(names = "--people", defaultValue = "500000")
        int people;
        @Option(names = "--runs", defaultValue = "7")
        int runs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = Cli.out(spec);
            try (Database db = prepare(spec, new DemoData.Size(orgs, people, 0, 0), out)) {
                OrgService orgSvc = new OrgService(db);
                PersonService personSvc = new PersonService(db);
                List<String> lines = new ArrayList<>();
                double open = medianMs(runs, () -> new OrgTree(orgSvc.listAll()));
                lines.add(String.format("打开名册（读出 %d 个组织并建树）：%.1f ms（目标 < 300 ms）", orgSvc.listAll().size(), open));
                OrgTree tree = new OrgTree(orgSvc.listAll());
                for (String q : List.of("园岭", "sqtw", "ＹＬＪＤ")) {
                    double ms = medianMs(runs, () -> tree.lines(null, o -> Pinyin.matcher(q).test(o.name())));
                    lines.add(String.format("筛选组织树“%s”（%d 行）：%.1f ms（目标 < 100 ms）", q,
                            tree.lines(null, o -> Pinyin.matcher(q).test(o.name())).size(), ms));
                }
                int rootId = tree.roots().getFirst().id();
                double page = medianMs(runs, () -> personSvc.listByOrg(rootId, true, null, 1000));
                lines.add(String.format("全区成员表第一页（共 %d 人，取 1000 行）：%.1f ms",
                        personSvc.listByOrg(rootId, true, null, 1).total(), page));
                int leaf = tree.roots().getFirst().id();
                for (var l : tree.lines(null, o -> true)) {
                    if (tree.children(l.org().id()).isEmpty() && l.org().memberCount() > 0) {
                        leaf = l.org().id();
                        break;
                    }
                }
                int leafId = leaf;
                double one = medianMs(runs, () -> personSvc.listByOrg(leafId, false, null, 1000));
                lines.add(String.format("单个组织成员表：%.1f ms", one));
                double search = medianMs(runs, () -> personSvc.listByOrg(rootId, true, "王伟", 1000));
                lines.add(String.format("全区按姓名搜索“王伟”：%.1f ms", search));
                lines.forEach(out::println);
                return 0;
            }
        }
    }
}
