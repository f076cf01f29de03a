package org.taizhang.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench startup}: a bare JavaFX window (TabPane + TableView) and Taizhang started side by side as child
 * processes on the same display, JDK and jars; each time runs from process start until the window itself reports
 * its first useful screen drawn (Taizhang: the roster tree filled). Prints both medians and their ratio.
 */
@Command(name = "startup", description = "启动速度：同一显示器上分别启动一个空白 JavaFX 窗口和台账窗口（子进程），测量到“可用”（名册树已显示）的时间并计算倍数（目标 ≤ 1.5 倍）")
final class BenchStartup implements Callable<Integer> {
    static final String PROBE_LINE = org.taizhang.ui.StartupProbe.LINE;

    @Spec
    CommandSpec spec;
    @Option(names = "--runs", defaultValue = "5", description = "每种窗口启动次数，取中位数（默认 ${DEFAULT-VALUE}）")
    int runs;
    @Option(names = "--unclean", description = "每次都在“上次没有正常关闭”之后启动台账：每次测完用 kill -9 结束（不记录正常关闭），"
            + "测量前先这样启动并强行结束一次。用 --db 指定大数据库时，测的是异常退出后多久能看到数据（完整检查在后台继续）")
    boolean unclean;
    @Option(names = "--aot", paramLabel = "FILE", description = "台账使用的 AOT 缓存（默认：程序 jar 旁的 taizhang.aot，存在时使用；none 表示不用）")
    String aot;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Cli.out(spec);
        if (System.getenv("DISPLAY") == null && !System.getProperty("os.name", "").startsWith("Windows")) {
            out.println("没有图形显示（DISPLAY 未设置）：请在桌面或 Xvfb 下运行，例如 Xvfb :12 & DISPLAY=:12 taizhang bench startup");
            return 1;
        }
        Path db = Cli.root(spec).db;
        if (db == null) {
            db = Files.createTempDirectory("taizhang-startup").resolve("startup.db");
        }
        try (Database d = Database.open(db)) {
            if (DemoData.isEmpty(d)) {
                org.taizhang.app.DemoDataFactory.create(d, java.time.LocalDate.now()).generate(DemoData.Size.DEFAULT, 7, p -> { });
            }
            int[] c = DemoData.counts(d);
            out.printf("数据库：%s（%.0f MB；组织 %d，人员 %d，活动 %d）%n", db, Files.size(db) / 1e6, c[0], c[1], c[2]);
        }
        Path cache = cache();
        out.printf("AOT 缓存：%s%n", cache == null ? "不使用" : cache);
        List<String> jvm = jvmOptions();
        List<String> bare = new ArrayList<>(jvm);
        bare.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.taizhang.ui.BareWindow$Launcher"));
        List<String> app = new ArrayList<>(jvm);
        if (cache != null) {
            app.add("-XX:AOTCache=" + cache);
        }
        app.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.taizhang.Main", "--db", db.toString()));
        if (unclean) {
            time(app, true); // the first measured start comes after an unclean exit too
            out.println("台账每次启动前都没有正常关闭（kill -9），启动时会先显示数据、在后台检查数据库");
        }
        double[] bareMs = new double[runs];
        double[] appMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            bareMs[i] = time(bare, false);
            appMs[i] = time(app, unclean);
            out.printf("第 %d 次：空白窗口 %.0f ms，台账可用 %.0f ms%n", i + 1, bareMs[i], appMs[i]);
            out.flush();
        }
        double b = median(bareMs);
        double a = median(appMs);
        out.printf("空白 JavaFX 窗口（TabPane + TableView）显示：%.0f ms（中位数）%n", b);
        out.printf("台账窗口可用（名册树已显示）：%.0f ms（中位数）%n", a);
        out.printf("倍数：%.2f（目标 ≤ 1.5）%n", a / b);
        out.printf("机器负载（1 分钟平均）：%.2f，处理器 %d 个%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    /** The cache given, or taizhang.aot beside the jar this runs from; null when there is none. */
    private Path cache() {
        if ("none".equals(aot)) {
            return null;
        }
        if (aot != null) {
            return Path.of(aot);
        }
        String cp = System.getProperty("java.class.path");
        if (cp.contains(java.io.File.pathSeparator) || !cp.endsWith(".jar")) {
            return null;
        }
        Path beside = Path.of(cp).toAbsolutePath().resolveSibling("taizhang.aot");
        return Files.exists(beside) ? beside : null;
    }

    /** The java command and the options this JVM was started with, without its own AOT cache settings. */
    private static List<String> jvmOptions() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:AOT") && !a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-Dtaizhang.probe")) {
                cmd.add(a);
            }
        }
        cmd.add("-Dtaizhang.probe=true");
        return cmd;
    }

    /**
     * Milliseconds from starting {@code cmd} until it prints the probe line; then it is stopped with SIGTERM
     * (a clean close), or with SIGKILL when {@code kill} (an unclean exit: the next start finds the file not closed).
     */
    private static double time(List<String> cmd, boolean kill) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(PROBE_LINE)) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (kill) {
                        p.destroyForcibly();
                    } else {
                        p.destroy();
                    }
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                    }
                    return ms;
                }
                seen.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        throw new IllegalStateException("子进程没有报告窗口可用就结束了：\n" + seen);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
