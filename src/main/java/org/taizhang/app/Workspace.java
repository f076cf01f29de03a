package org.taizhang.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.taizhang.activity.ActivityService;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.db.BackupService;
import org.taizhang.db.ChangeLogService;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseDamagedException;
import org.taizhang.demo.DemoData;
import org.taizhang.honor.HonorService;
import org.taizhang.io.ExportService;
import org.taizhang.io.ImportService;
import org.taizhang.org.OrgService;
import org.taizhang.person.PersonService;
import org.taizhang.plan.PlanService;
import org.taizhang.report.SummaryService;
import org.taizhang.stats.StatsService;

/**
 * One open database and the services over it: start-up written once, for the command line and the window.
 *
 * <p>Opening checks the file (ours, not newer, not damaged), takes the single-writer lock, backs up and
 * migrates an older file ({@link Database#open}). Then the start-up chores: the integrity check after an
 * unclean exit and the daily backup. The command line does them before it returns ({@link #open(Path)});
 * the window ({@link #openForWindow(Path)}) shows its first screen at once and calls {@link #startChores}
 * on a background thread: writes wait until the check has passed, and a damaged file ends in the same
 * recovery offer as at open.
 *
 * <p>When the JVM is asked to stop (SIGTERM at logout or shutdown, Ctrl+C) {@link Database}'s shutdown hook
 * closes the file cleanly, so the next start skips the check after an unclean exit.
 */
public final class Workspace implements AutoCloseable {
    private final Database db;
    private OrgService orgs;
    private PersonService people;
    private ActivityService activities;
    private HonorService honors;
    private PlanService plans;
    private StatsService stats;
    private SummaryService summaries;
    private ImportService imports;
    private ExportService exports;
    private AttachmentService attachments;
    private BackupService backups;
    private ChangeLogService changes;

    private Workspace(Database db) {
        this.db = db;
    }

    /** For the command line: opened, checked and backed up before it returns. */
    public static Workspace open(Path file) {
        Workspace ws = new Workspace(Database.open(file, Database.Options.DEFAULT));
        ws.startChores(s -> { });
        return ws;
    }

    /**
     * For the window: opened and migrated, but the check after an unclean exit and the daily backup are left
     * to {@link #startChores}, which the caller runs in the background after the first screen.
     */
    public static Workspace openForWindow(Path file) {
        return new Workspace(Database.open(file, Database.Options.DEFAULT.withDeferredCheck()));
    }

    /** Read-only, without lock, migration or chores (checking a file, reading a backup). */
    public static Workspace openReadOnly(Path file) {
        return new Workspace(Database.open(file, new Database.Options(true, null, false)));
    }

    /**
     * The start-up chores: the integrity check left for later (quick check, then the full one) and the daily
     * backup. {@code status} hears a short Chinese line before each step and {@code ""} at the end.
     *
     * @throws DatabaseDamagedException when the check found damage: the database is closed and the file moved
     *     aside; the message offers the newest good backup
     */
    public void startChores(Consumer<String> status) {
        if (db.checkPending()) {
            status.accept("上次没有正常关闭，正在后台检查数据库（检查通过前暂不保存修改）…");
            db.runDeferredCheck(() -> status.accept("快速检查已通过，可以修改；正在做完整检查…"));
        }
        if (!db.readOnly()) {
            status.accept("正在做今天的自动备份…");
            BackupService.onStart(db);
        }
        status.accept("");
    }

    public Database db() {
        return db;
    }

    public Path file() {
        return db.file();
    }

    /** True when the database holds no records yet (a new file: the window offers demo data). */
    public boolean isEmpty() {
        return DemoData.isEmpty(db);
    }

    /** The demo data generator for this database. */
    public DemoData demo(LocalDate today) {
        return DemoDataFactory.create(db, today);
    }

    public synchronized OrgService orgs() {
        return orgs = made(orgs, () -> new OrgService(db));
    }

    public synchronized PersonService people() {
        return people = made(people, () -> new PersonService(db));
    }

    /** One instance per workspace: it remembers the last delete for undo. */
    public synchronized ActivityService activities() {
        return activities = made(activities, () -> new ActivityService(db));
    }

    public synchronized HonorService honors() {
        return honors = made(honors, () -> new HonorService(db));
    }

    public synchronized PlanService plans() {
        return plans = made(plans, () -> new PlanService(db));
    }

    public synchronized StatsService stats() {
        return stats = made(stats, () -> new StatsService(db));
    }

    public synchronized SummaryService summaries() {
        return summaries = made(summaries, () -> new SummaryService(db));
    }

    public synchronized ImportService imports() {
        return imports = made(imports, () -> new ImportService(db));
    }

    public synchronized ExportService exports() {
        return exports = made(exports, () -> new ExportService(db));
    }

    public synchronized AttachmentService attachments() {
        return attachments = made(attachments, () -> new AttachmentService(db));
    }

    public synchronized BackupService backups() {
        return backups = made(backups, () -> new BackupService(db));
    }

    public synchronized ChangeLogService changes() {
        return changes = made(changes, () -> new ChangeLogService(db));
    }

    /** Services are made when first asked for: a command or the first screen loads only what it uses. */
    private static <T> T made(T existing, Supplier<T> make) {
        return existing != null ? existing : make.get();
    }

    @Override
    public void close() {
        db.close();
    }
}
