package org.taizhang.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.io.ImportKind;
import org.taizhang.io.ImportPreview;
import org.taizhang.io.ImportProgress;
import org.taizhang.io.ImportRequest;
import org.taizhang.io.ImportResult;
import org.taizhang.io.ImportService;
import org.taizhang.io.XlsxWriter;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.person.IdNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench import}: generates a large people or activities sheet, imports it into a fresh database, prints time and heap. */
@Command(name = "import", description = "导入性能测试：生成 5 万行人员（或活动）表格，导入到新的数据库，打印用时与堆内存")
final class BenchImport implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--rows", defaultValue = "50000", description = "行数（默认 ${DEFAULT-VALUE}）")
    int rows;
    @Option(names = "--kind", defaultValue = "people", description = "people 或 activities（默认 ${DEFAULT-VALUE}）")
    String kind;
    @Option(names = "--junk", description = "改为生成一张“垃圾表”（人员表头下 --rows 行无意义的内容，如 1048575 行），"
            + "看导入能否在有限的堆内存里给出明确的拒绝")
    boolean junk;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Cli.out(spec);
        ImportKind k = ImportKind.parse(kind);
        if (k != ImportKind.PEOPLE && k != ImportKind.ACTIVITIES) {
            throw new UserException("--kind 只能是 people 或 activities");
        }
        Path folder = Files.createTempDirectory("taizhang-bench-import");
        Path sheet = folder.resolve(k.code() + "-" + rows + ".xlsx");
        long t0 = System.nanoTime();
        List<String> orgNames = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            orgNames.add("第" + i + "社区团委");
        }
        if (junk) {
            generateJunk(sheet);
        } else {
            generate(k, sheet, orgNames);
        }
        out.printf("生成表格：%,d 行，%.1f MB，用时 %.1f 秒（%s）%n", rows, Files.size(sheet) / 1048576.0,
                (System.nanoTime() - t0) / 1e9, sheet);
        // the first import in a fresh JVM also pays for class loading and JIT compilation; the second
        // (into another fresh database) is what an open window sees
        if (junk) {
            measure(k, sheet, folder.resolve("bench-junk.db"), orgNames, "垃圾表", out);
            return 0;
        }
        measure(k, sheet, folder.resolve("bench-cold.db"), orgNames, "首次导入（JVM 冷启动）", out);
        measure(k, sheet, folder.resolve("bench-warm.db"), orgNames, "再次导入（已预热）", out);
        return 0;
    }

    private static void measure(ImportKind k, Path sheet, Path dbFile, List<String> orgNames, String label, PrintWriter out) {
        try (Database db = Database.open(dbFile)) {
            OrgService orgs = new OrgService(db);
            int top = orgs.add(new OrgInput("示范区团区委", 3, null, null, null, null, null, null, null));
            for (String n : orgNames) {
                orgs.add(new OrgInput(n, 3, top, null, null, null, null, null, null));
            }
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = mem.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ImportService svc = new ImportService(db);
            var threads = ManagementFactory.getThreadMXBean();
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            ImportPreview p;
            try {
                p = svc.preview(ImportRequest.of(k, sheet), ImportProgress.NONE);
            } catch (UserException refused) {
                long t = System.nanoTime();
                sampler.interrupt();
                out.printf("【%s】%n  拒绝导入（%.2f 秒，堆内存峰值 %.0f MB，最大堆 %.0f MB）：%s%n", label, (t - t1) / 1e9,
                        peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, refused.getMessage());
                out.flush();
                return;
            }
            long t2 = System.nanoTime();
            ImportResult r = svc.commit(p, false, ImportProgress.NONE);
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.printf("【%s】%n", label);
            out.printf("  读取并检查 %,d 行（可导入 %,d，有错误 %,d）：%.2f 秒%n", p.dataRows(), p.acceptedCount(), p.rejectedCount(),
                    (t2 - t1) / 1e9);
            out.printf("  写入（一个事务）：%.2f 秒 —— %s%n", (t3 - t2) / 1e9, String.join("；", r.lines()));
            out.printf("  导入合计：%.2f 秒（目标 < 5 秒）；导入线程 CPU 时间 %.2f 秒（系统负载 %.1f，%d 核：机器繁忙时两者相差很大）%n",
                    (t3 - t1) / 1e9, (c3 - c1) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("  堆内存：开始 %.0f MB，导入中峰值 %.0f MB（增加 %.0f MB，含尚未回收的垃圾；最大堆 %.0f MB）%n",
                    baseline / 1048576.0, peak.get() / 1048576.0, (peak.get() - baseline) / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            out.flush();
        }
    }

    /** A people header, then rows of meaningless text (as a sheet whose every row was filled down by mistake). */
    private void generateJunk(Path file) {
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("人员", List.of(XlsxWriter.Column.text("姓名"), XlsxWriter.Column.text("身份证号"), XlsxWriter.Column.text("所属组织")));
            for (int i = 0; i < rows; i++) {
                w.row("垃圾" + i, "x" + (i * 7919L), "无此组织" + (i % 97));
            }
            w.save(file);
        }
    }

    private void generate(ImportKind k, Path file, List<String> orgNames) {
        try (XlsxWriter w = new XlsxWriter()) {
            if (k == ImportKind.PEOPLE) {
                w.sheet("人员", List.of(XlsxWriter.Column.text("姓名"), new XlsxWriter.Column("身份证号", XlsxWriter.Type.CODE),
                        new XlsxWriter.Column("联系电话", XlsxWriter.Type.CODE), XlsxWriter.Column.text("所属组织"),
                        XlsxWriter.Column.text("职务"), new XlsxWriter.Column("加入日期", XlsxWriter.Type.DATE)));
                LocalDate birth0 = LocalDate.of(1970, 1, 1);
                String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
                String[] given = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
                for (int i = 0; i < rows; i++) {
                    LocalDate birth = birth0.plusDays(i % 12000);
                    String first17 = "440304" + birth.toString().replace("-", "") + String.format("%03d", i / 12000 % 1000);
                    String id = first17 + IdNumber.checkChar(first17);
                    w.row(surnames[i % 10] + given[i / 10 % 15] + given[i / 150 % 15], id, "138" + String.format("%08d", i),
                            orgNames.get(i % orgNames.size()), i % 50 == 0 ? "委员" : "团员", birth.plusYears(18));
                }
            } else {
                w.sheet("活动", List.of(new XlsxWriter.Column("日期", XlsxWriter.Type.DATE), XlsxWriter.Column.text("活动名称"),
                        XlsxWriter.Column.text("主办组织"), XlsxWriter.Column.text("类别"),
                        new XlsxWriter.Column("参与人次", XlsxWriter.Type.INT),
                        new XlsxWriter.Column("服务时长（小时）", XlsxWriter.Type.TENTHS),
                        new XlsxWriter.Column("惠及人数", XlsxWriter.Type.INT)));
                String[] cats = {"学习教育", "志愿服务", "文体活动", "慰问帮扶"};
                LocalDate start = LocalDate.now().minusYears(3);
                for (int i = 0; i < rows; i++) {
                    w.row(start.plusDays(i % 1000), "活动" + i, orgNames.get(i % orgNames.size()), cats[i % 4], 10 + i % 50,
                            i % 4 == 1 ? 20 + i % 100 : 0, i % 300);
                }
            }
            w.save(file);
        }
    }
}
