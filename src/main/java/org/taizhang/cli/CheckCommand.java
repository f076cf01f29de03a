package org.taizhang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.UserException;
import org.taizhang.db.BackupInfo;
import org.taizhang.db.BackupService;
import org.taizhang.db.ChangeLogService;
import org.taizhang.db.CheckReport;
import org.taizhang.db.Database;
import org.taizhang.db.StorageCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check [--json]}: integrity, foreign keys and counts, read-only (a damaged file is reported,
 * not moved). {@code check --log TABLE ID}: the change history of one record; {@code check --recent N};
 * {@code check --undo CHANGE_ID}: undo the newest change of a record.
 */
@Command(name = "check", description = "检查数据库：完整性、外键、记录数、备份情况（只读，不改动文件）；--log 查看某条记录的修改历史，--recent 最近的修改，--undo 撤销一次修改")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;
    @Option(names = "--log", arity = "2", paramLabel = "TABLE ID", description = "某条记录的修改历史，如 --log org 3、--log person 12")
    List<String> log;
    @Option(names = "--recent", paramLabel = "N", description = "最近 N 次修改")
    Integer recent;
    @Option(names = "--undo", paramLabel = "CHANGE_ID", description = "撤销修改记录 #CHANGE_ID（只能从一条记录最近的修改开始）")
    Integer undo;

    @Override
    public Integer call() {
        if (log != null || recent != null || undo != null) {
            return changes();
        }
        Path file = Cli.root(spec).databasePath().toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new UserException("数据库文件“" + file + "”不存在。");
        }
        CheckReport r = BackupService.checkFile(file);
        List<BackupInfo> backups = List.of();
        Path backupDir = BackupService.defaultDirectory(file);
        if (r.ok()) {
            try (Database db = Database.open(file, true, null)) {
                BackupService svc = new BackupService(db);
                backupDir = svc.backupDirectory();
                backups = svc.list();
            }
        }
        String warning = StorageCheck.warning(file).orElse(null);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("ok", r.ok());
            m.put("problems", r.problems());
            m.put("sizeBytes", r.sizeBytes());
            m.put("version", r.version());
            m.put("orgs", r.counts().orgs());
            m.put("people", r.counts().people());
            m.put("activities", r.counts().activities());
            m.put("honors", r.counts().honors());
            m.put("backupFolder", backupDir.toString());
            m.put("backups", backups.stream().map(BackupCommand::toJson).toList());
            m.put("locationWarning", warning);
            Cli.json(spec, m);
        } else {
            var out = Cli.out(spec);
            out.println("数据库：" + file);
            out.println("大小：" + BackupService.sizeText(r.sizeBytes()) + "，数据版本：" + r.version());
            out.println("完整性与外键检查：" + (r.ok() ? "通过" : "未通过"));
            r.problems().forEach(p -> out.println("  问题：" + p));
            if (r.ok()) {
                out.println("记录数：" + r.counts());
            }
            out.println("备份文件夹：" + backupDir + "（" + backups.size() + " 份备份"
                    + (backups.isEmpty() ? "" : "，最新 " + backups.getFirst().createdAt().toString().replace('T', ' ')) + "）");
            if (warning != null) {
                out.println("提醒：" + warning);
            }
            if (!r.ok()) {
                out.println("建议：不要继续在这个文件上工作。用 taizhang backup list 查看备份，用 taizhang restore 备份文件 恢复。");
            }
        }
        return r.ok() ? 0 : TaizhangCli.EXIT_DATABASE;
    }

    private int changes() {
        try (Database db = Cli.open(spec)) {
            ChangeLogService svc = new ChangeLogService(db);
            var out = Cli.out(spec);
            if (undo != null) {
                ChangeLogService.Change c = svc.undo(undo);
                out.println("已撤销修改 #" + undo + "，并记为新的修改 #" + c.id() + "：" + c);
                return 0;
            }
            List<ChangeLogService.Change> list;
            if (log != null) {
                int id;
                try {
                    id = Integer.parseInt(log.get(1).strip());
                } catch (NumberFormatException e) {
                    throw new UserException("--log 的第二个参数应是记录编号（数字），收到“" + log.get(1) + "”。");
                }
                list = svc.history(log.get(0), id);
            } else {
                list = svc.recent(recent);
            }
            if (json) {
                Cli.json(spec, list.stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("at", c.at());
                    m.put("osUser", c.osUser());
                    m.put("table", c.table());
                    m.put("recordId", c.recordId());
                    m.put("action", c.action());
                    m.put("details", c.details());
                    m.put("oldValue", c.oldValue());
                    m.put("newValue", c.newValue());
                    return m;
                }).toList());
                return 0;
            }
            if (list.isEmpty()) {
                out.println("（没有修改记录）");
            }
            for (ChangeLogService.Change c : list) {
                out.println(c);
            }
            return 0;
        }
    }
}
