package org.taizhang.activity;

import java.util.List;
import org.taizhang.db.jooq.tables.records.ActivityCoorgRecord;
import org.taizhang.db.jooq.tables.records.ActivityRecord;
import org.taizhang.db.jooq.tables.records.AttachmentRecord;

/** Everything a delete removed (activities, their co-organisers and attachments), so that it can be undone. */
public record DeletedActivities(List<ActivityRecord> activities, List<ActivityCoorgRecord> coOrgs,
                                List<AttachmentRecord> attachments) {
    public int count() {
        return activities.size();
    }
}
