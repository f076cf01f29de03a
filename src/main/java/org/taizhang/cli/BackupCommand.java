package org.taizhang.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.db.BackupInfo;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backup [--to FILE]}: a checked backup into the backups folder (or to FILE, e.g. a USB stick);
 * {@code backup list [--json]}; {@code backup folder [DIR|--reset]}.
 */
@Command(name = "backup", description = "备份数据库（经完整性检查）：不带参数备份到备份文件夹，--to 备份到指定文件（如 U 盘）；list 列出备份；folder 查看或设置备份文件夹",
        subcommands = {BackupCommand.ListCmd.class, BackupCommand.FolderCmd.class})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--to", paramLabel = "FILE", description = "备份到这个文件或文件夹（例如 U 盘上的 台账备份.db）")
    Path to;

    @Override
    public Integer call() {
        try (Database db = Cli.open(spec)) {
            long t0 = System.nanoTime();
            BackupService svc = new BackupService(db);
            BackupInfo b = to != null ? svc.backupTo(to) : svc.backupNow(BackupService.KIND_MANUAL);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Cli.out(spec).printf("已备份到：%s%n大小 %s；%s；已通过完整性检查，用时 %d 毫秒。%n", b.file(), b.sizeText(), b.counts(), ms);
            return 0;
        }
    }

    static Map<String, Object> toJson(BackupInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", b.file().toString());
        m.put("createdAt", b.createdAt().toString());
        m.put("kind", b.kind());
        m.put("kindLabel", b.kindLabel());
        m.put("sizeBytes", b.sizeBytes());
        m.put("orgs", b.counts().orgs());
        m.put("people", b.counts().people());
        m.put("activities", b.counts().activities());
        m.put("honors", b.counts().honors());
        return m;
    }

    @Command(name = "list", description = "列出备份文件夹中的备份（日期、大小、记录数），最新的在前")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                BackupService svc = new BackupService(db);
                List<BackupInfo> list = svc.list();
                if (json) {
                    Cli.json(spec, list.stream().map(BackupCommand::toJson).toList());
                    return 0;
                }
                var out = Cli.out(spec);
                out.println("备份文件夹：" + svc.backupDirectory());
                if (list.isEmpty()) {
                    out.println("（还没有备份。运行 taizhang backup 立即备份。）");
                }
                for (BackupInfo b : list) {
                    out.printf("%s  %-22s %10s  %s  %s%n", org.taizhang.common.Dates.dateTime(b.createdAt()), b.kindLabel(), b.sizeText(),
                            b.counts(), b.file().getFileName());
                }
                return 0;
            }
        }
    }

    @Command(name = "folder", description = "查看或设置备份文件夹（默认：数据库旁的“<名称>.backups”）")
    static final class FolderCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "新的备份文件夹")
        Path dir;
        @Option(names = "--reset", description = "恢复为默认文件夹")
        boolean reset;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                BackupService svc = new BackupService(db);
                if (reset || dir != null) {
                    svc.setBackupDirectory(reset ? null : dir);
                }
                Cli.out(spec).println("备份文件夹：" + svc.backupDirectory());
                return 0;
            }
        }
    }
}
