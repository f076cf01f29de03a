package org.taizhang.io;

import java.util.List;
import org.jooq.DSLContext;
import org.taizhang.db.Database;

/** Placeholder until the activity/honour services are merged. */
final class HonorImporter extends KindImporter<Object> {
    HonorImporter(Database db, ImportRequest request) {
        super(request);
    }

    @Override
    Object parse(RowValues v) {
        throw new IllegalArgumentException("暂不支持");
    }

    @Override
    Plan<Object> resolve(DSLContext ctx, List<Parsed<Object>> rows) {
        return new Plan<>();
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<Object> plan, ImportProgress progress) {
        return new ImportResult(0, 0, List.of());
    }
}
