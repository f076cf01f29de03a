package org.taizhang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseDamagedException;
import org.taizhang.db.DatabaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restore FILE}: checks the backup, backs up the current database, then replaces it. Works also
 * when the current file is damaged (it is moved aside untouched first).
 */
@Command(name = "restore", description = "从备份恢复：先检查备份，再把当前数据库备份一份，然后替换。当前数据库损坏时也可用。")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "备份文件（taizhang backup list 可列出）")
    Path file;

    @Override
    public Integer call() {
        Path dbPath = Cli.root(spec).databasePath();
        BackupService.RestoreResult r;
        var out = Cli.out(spec);
        if (!java.nio.file.Files.exists(dbPath)) {
            r = BackupService.restoreInto(dbPath, file);
        } else {
            try (Database db = Database.open(dbPath)) {
                r = new BackupService(db).restore(file);
            } catch (DatabaseDamagedException e) {
                out.println("当前数据库已损坏，已原样移到：" + e.damagedCopy());
                r = BackupService.restoreInto(e.original(), file);
            } catch (DatabaseException e) {
                // not openable at all (another program's file, not a database, newer version): the backup still comes back
                out.println("当前文件无法作为台账数据库打开：" + e.getMessage());
                r = BackupService.restoreInto(dbPath, file);
            }
        }
        if (r.setAside() != null) {
            out.println("原来的文件没有被覆盖，已原样移到：" + r.setAside());
        }
        out.println("已从“" + file.toAbsolutePath() + "”恢复到：" + r.database());
        out.println("恢复后的数据：" + r.counts());
        if (r.safetyBackup() != null) {
            out.println("恢复前的数据库已备份到：" + r.safetyBackup().file() + "（如需反悔，用它再恢复一次）");
        }
        return 0;
    }
}
