package org.taizhang.report;

import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.SUMMARY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.taizhang.common.Texts;
import org.taizhang.common.ValidationException;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.SummaryRecord;

/** Saved summaries: the drafted and edited content as JSON in the {@code summary} table, with org, period and template. */
public final class SummaryService {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One line of the saved-summary list. */
    public record Saved(int id, int orgId, String orgName, LocalDate from, LocalDate to, String template, String title,
                        String updatedAt) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final Database db;

    public SummaryService(Database db) {
        this.db = db;
    }

    static String toJson(SummaryContent c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SummaryContent fromJson(String json, int id) {
        try {
            return JSON.readValue(json, SummaryContent.class);
        } catch (JsonProcessingException e) {
            throw new ValidationException("总结", "保存的总结 #" + id + " 内容已损坏，无法打开：" + e.getOriginalMessage());
        }
    }

    /** Inserts ({@code id} null) or replaces a saved summary; returns its id. */
    public int save(Integer id, SummaryContent c) {
        String title = Texts.cleanOrNull(c.title());
        if (title == null) {
            throw new ValidationException("标题", "总结标题不能为空");
        }
        if (Texts.length(title) > 200) {
            throw new ValidationException("标题", "标题不能超过 200 个字（现在 " + Texts.length(title) + " 个）");
        }
        String json = toJson(c);
        return db.tx(ctx -> {
            if (!ctx.fetchExists(ORG, ORG.ID.eq(c.orgId()))) {
                throw new ValidationException("组织", "组织 #" + c.orgId() + " 不存在（可能已被删除）");
            }
            SummaryRecord rec = id == null ? null : ctx.fetchOne(SUMMARY, SUMMARY.ID.eq(id));
            if (id != null && rec == null) {
                throw new ValidationException("总结", "找不到编号为 #" + id + " 的总结（可能已被删除），请另存为新的总结");
            }
            SummaryRecord before = rec == null ? null : rec.copy();
            if (rec == null) {
                rec = ctx.newRecord(SUMMARY);
            }
            rec.setOrgId(c.orgId());
            rec.setPeriodFrom(c.from());
            rec.setPeriodTo(c.to());
            rec.setTemplate(c.template().label);
            rec.setTitle(title);
            rec.setContent(json);
            if (before == null) {
                rec.store();
                ChangeLog.insert(ctx, "summary", rec.getId(), rec);
            } else {
                rec.setUpdatedAt(Timestamps.now());
                rec.update();
                ChangeLog.update(ctx, "summary", rec.getId(), before, rec);
            }
            return rec.getId();
        });
    }

    /** Saved summaries of one organisation (null = all), newest first. */
    public List<Saved> list(Integer orgId) {
        return db.read(ctx -> ctx.select(SUMMARY.ID, SUMMARY.ORG_ID, ORG.NAME, SUMMARY.PERIOD_FROM, SUMMARY.PERIOD_TO, SUMMARY.TEMPLATE,
                        SUMMARY.TITLE, SUMMARY.UPDATED_AT).from(SUMMARY).join(ORG).on(ORG.ID.eq(SUMMARY.ORG_ID))
                .where(orgId == null ? DSL.trueCondition() : SUMMARY.ORG_ID.eq(orgId))
                .orderBy(SUMMARY.UPDATED_AT.desc(), SUMMARY.ID.desc())
                .fetch(r -> new Saved(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8())));
    }

    public Optional<SummaryContent> load(int id) {
        return db.read(ctx -> ctx.select(SUMMARY.CONTENT).from(SUMMARY).where(SUMMARY.ID.eq(id)).fetchOptional(SUMMARY.CONTENT))
                .map(json -> fromJson(json, id));
    }

    public SummaryContent require(int id) {
        return load(id).orElseThrow(() -> new ValidationException("总结", "找不到编号为 #" + id + " 的总结（可能已被删除）"));
    }

    public void delete(int id) {
        db.txRun(ctx -> {
            SummaryRecord rec = ctx.fetchOne(SUMMARY, SUMMARY.ID.eq(id));
            if (rec == null) {
                throw new ValidationException("总结", "找不到编号为 #" + id + " 的总结（可能已被删除）");
            }
            rec.delete();
            ChangeLog.delete(ctx, "summary", id, rec);
        });
    }

    /** The part {@code key} of the organisation's most recently saved summary that has it ("kept from last time"). */
    public SummaryContent.Part lastPart(int orgId, String key) {
        for (String json : db.read(ctx -> ctx.select(SUMMARY.CONTENT).from(SUMMARY).where(SUMMARY.ORG_ID.eq(orgId))
                .orderBy(SUMMARY.UPDATED_AT.desc(), SUMMARY.ID.desc()).limit(20).fetch(SUMMARY.CONTENT))) {
            try {
                SummaryContent.Part p = JSON.readValue(json, SummaryContent.class).part(key);
                if (p != null && !p.paras().isEmpty()) {
                    return p;
                }
            } catch (JsonProcessingException e) {
                // a damaged old summary is skipped here; opening it says so
            }
        }
        return null;
    }
}
