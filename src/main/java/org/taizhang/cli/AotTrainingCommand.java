package org.taizhang.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.taizhang.app.Workspace;
import org.taizhang.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code taizhang aot-training FOLDER} (hidden): the training run from which {@code packaging/} builds the AOT
 * cache ({@code -XX:AOTCacheOutput}). In one JVM it fills a demo database in FOLDER, runs the everyday commands
 * and then opens the window until its roster is drawn, so the classes and method profiles of a real start are
 * recorded. Not for users; the cache only makes later starts faster.
 */
@Command(name = "aot-training", hidden = true, description = "（打包用）AOT 缓存的训练运行")
final class AotTrainingCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "放训练用示例数据库的空文件夹")
    Path folder;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(folder);
        Path db = folder.resolve("training.db");
        try (Workspace ws = Workspace.open(db)) {
            if (ws.isEmpty()) {
                ws.demo(LocalDate.now()).generate(DemoData.Size.DEFAULT, 7, p -> { });
            }
        }
        StringWriter sink = new StringWriter();
        PrintWriter pw = new PrintWriter(sink);
        String d = db.toString();
        for (String[] args : new String[][] {
                {"--version"},
                {"--db", d, "org", "list"},
                {"--db", d, "activity", "list", "--limit", "20"},
                {"--db", d, "activity", "add", "--date", "2024-03-05", "--name", "AOT 训练活动", "--org", "#1", "--category", "志愿服务",
                        "--participants", "10"},
                {"--db", d, "activity", "list", "--query", "训练活动"},
                {"--db", d, "stats", "--period", "2024"}}) {
            TaizhangCli.commandLine(pw, pw).execute(args);
        }
        System.setProperty("taizhang.probe", "true");
        System.setProperty("taizhang.probe.exit", "true");
        return TaizhangCli.commandLine(pw, pw).execute("--db", d);
    }
}
