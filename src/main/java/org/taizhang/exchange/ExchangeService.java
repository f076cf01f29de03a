package org.taizhang.exchange;

import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PACKAGE_LOG;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.PackageLogRecord;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.stats.Period;

/**
 * Data packages between levels (数据上报): a 社区 or 街道 office exports its subtree and period to a
 * .tzpkg file; the office above previews and imports it. The CLI and the window both call this class.
 */
public final class ExchangeService {
    private final Database db;
    private final Clock clock;

    public ExchangeService(Database db) {
        this(db, Clock.systemUTC());
    }

    public ExchangeService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Writes the package of organisation {@code orgId}'s subtree for {@code period} to {@code out}
     * (atomically); ID numbers and phone numbers are masked unless {@code fullId}.
     */
    public Manifest export(int orgId, Period period, boolean fullId, Path out) {
        return export(orgId, period, fullId, false, out);
    }

    /** As {@link #export(int, Period, boolean, Path)}; with {@code attachments} the files attached to its activities and honours go along. */
    public Manifest export(int orgId, Period period, boolean fullId, boolean attachments, Path out) {
        return new PackageExporter(db, clock).export(orgId, period, fullId, attachments, out);
    }

    /**
     * What importing {@code file} would add, change, remove and leave in conflict; writes nothing.
     *
     * @param asOrgId the receiver's organisation standing for the sender (null: found by uid or name)
     * @param takeTheirs take the sender's version where this office edited a record since the last package
     * @throws PackageRefusedException when the package is damaged, altered, too new, older than one
     *     already imported, or for an organisation not in the tree
     */
    public ImportPreview preview(Path file, Integer asOrgId, boolean takeTheirs) {
        return new PackageImporter(db).preview(file, asOrgId, takeTheirs);
    }

    /** Imports {@code file}: a backup, then everything in one transaction (nothing when nothing changes). */
    public ImportResult apply(Path file, Integer asOrgId, boolean takeTheirs) {
        return new PackageImporter(db).apply(file, asOrgId, takeTheirs);
    }

    /**
     * 来源 of a record: which office's package brought it, that package's file and dates; empty for the
     * office's own records.
     */
    public record Origin(Kind kind, int localId, String uid, String senderName, String packageId, String fileName,
                         String packageCreatedAt, String importedAt) {
        /** "来自 𠮷祥社区团委 的数据包 a.tzpkg（生成于 …），导入于 …". */
        public String text() {
            return "来自“" + senderName + "”的数据包" + (fileName == null ? "" : " " + fileName) + "（生成于 " + packageCreatedAt
                    + "），导入于 " + importedAt;
        }
    }

    public java.util.Optional<Origin> origin(Kind kind, int localId) {
        return db.read(ctx -> Identities.byLocal(ctx, kind, localId).filter(i -> i.senderUid() != null && i.packageId() != null)
                .map(i -> {
                    PackageLogRecord p = ctx.selectFrom(PACKAGE_LOG).where(PACKAGE_LOG.PACKAGE_ID.eq(i.packageId()))
                            .orderBy(PACKAGE_LOG.ID.desc()).limit(1).fetchOne();
                    return new Origin(kind, localId, i.uid(), p == null ? i.senderUid() : p.getSenderName(), i.packageId(),
                            p == null ? null : p.getFileName(), p == null ? "?" : PackageImporter.local(p.getCreatedAt()),
                            utcToLocal(i.importedAt()));
                }));
    }

    /** The organisation whose sub-organisations report to this office: the only top-level one. */
    public Org defaultReceiver() {
        List<Org> tops = new OrgService(db).listAll().stream().filter(o -> o.parentId() == null).toList();
        if (tops.size() != 1) {
            throw new org.taizhang.common.UserException(tops.isEmpty() ? "组织名册是空的，请先添加组织。"
                    : "组织名册有 " + tops.size() + " 个顶级组织，请指定查看哪个组织的上报情况（--org）。");
        }
        return tops.getFirst();
    }

    /** Which direct sub-organisations of {@code orgId} have sent a package for {@code period}. */
    public ReportStatus status(int orgId, Period period) {
        Org org = new OrgService(db).get(orgId).orElseThrow(() -> new org.taizhang.common.UserException("组织 #" + orgId + " 不存在。"));
        return db.read(ctx -> {
            List<ReportStatus.Line> lines = new ArrayList<>();
            for (var child : ctx.select(ORG.ID, ORG.NAME).from(ORG).where(ORG.PARENT_ID.eq(orgId)).orderBy(ORG.SORT_ORDER, ORG.ID).fetch()) {
                PackageLogRecord p = ctx.selectFrom(PACKAGE_LOG).where(PACKAGE_LOG.ORG_ID.eq(child.value1())
                                .and(PACKAGE_LOG.PERIOD_FROM.le(period.to())).and(PACKAGE_LOG.PERIOD_TO.ge(period.from())))
                        .orderBy(PACKAGE_LOG.CREATED_AT.desc(), PACKAGE_LOG.ID.desc()).limit(1).fetchOne();
                lines.add(p == null ? new ReportStatus.Line(child.value1(), child.value2(), false, null, null, null, null, null, Map.of())
                        : new ReportStatus.Line(child.value1(), child.value2(), true, p.getPeriodFrom().toString(), p.getPeriodTo().toString(),
                        PackageImporter.local(p.getCreatedAt()), utcToLocal(p.getImportedAt()), p.getFileName(), totals(p.getTotals())));
            }
            return new ReportStatus(orgId, org.name(), period.from(), period.to(), List.copyOf(lines));
        });
    }

    private static String utcToLocal(String utc) {
        try {
            return java.time.LocalDateTime.parse(utc.replace(' ', 'T')).atZone(java.time.ZoneOffset.UTC)
                    .withZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
        } catch (RuntimeException e) {
            return utc;
        }
    }

    private static Map<String, Long> totals(String json) {
        try {
            return PackageFormat.JSON.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
