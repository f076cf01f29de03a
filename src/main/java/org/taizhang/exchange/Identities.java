package org.taizhang.exchange;

import static org.taizhang.db.jooq.Tables.RECORD_IDENTITY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.RecordIdentityRecord;

/** record_identity: the stable uid of each record sent or received, and where a received record came from. */
final class Identities {
    private Identities() {
    }

    /** A record's identity row. {@code senderUid} null = the office's own record. */
    record Ident(Kind kind, int localId, String uid, String senderUid, String packageId, String importedAt,
                 String packageHash, String localHash) {
    }

    static Optional<Ident> byUid(DSLContext ctx, Kind k, String uid) {
        return ctx.selectFrom(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(k.code).and(RECORD_IDENTITY.UID.eq(uid)))
                .fetchOptional(Identities::of);
    }

    static Optional<Ident> byLocal(DSLContext ctx, Kind k, int localId) {
        return ctx.selectFrom(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(k.code).and(RECORD_IDENTITY.LOCAL_ID.eq(localId)))
                .fetchOptional(Identities::of);
    }

    /** Every local id of kind {@code k} that has a uid → that uid. */
    static Map<Integer, String> uids(DSLContext ctx, Kind k) {
        Map<Integer, String> out = new HashMap<>();
        ctx.select(RECORD_IDENTITY.LOCAL_ID, RECORD_IDENTITY.UID).from(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(k.code))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The records of kind {@code k} that packages from {@code senderUid} brought. */
    static List<Ident> ownedBy(DSLContext ctx, Kind k, String senderUid) {
        return ctx.selectFrom(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(k.code).and(RECORD_IDENTITY.SENDER_UID.eq(senderUid)))
                .orderBy(RECORD_IDENTITY.LOCAL_ID).fetch(Identities::of);
    }

    /** Gives {@code localId} a new random uid when it has none (the first export of the record); returns its uid. */
    static String ensure(DSLContext ctx, Kind k, int localId, Map<Integer, String> known) {
        String uid = known.get(localId);
        if (uid == null) {
            uid = UUID.randomUUID().toString();
            ctx.insertInto(RECORD_IDENTITY).set(RECORD_IDENTITY.KIND, k.code).set(RECORD_IDENTITY.LOCAL_ID, localId)
                    .set(RECORD_IDENTITY.UID, uid).execute();
            known.put(localId, uid);
        }
        return uid;
    }

    /** Records (or re-records) where a received record came from and how it looked. */
    static void put(DSLContext ctx, Ident i) {
        ctx.deleteFrom(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(i.kind().code)
                .and(RECORD_IDENTITY.LOCAL_ID.eq(i.localId()).or(RECORD_IDENTITY.UID.eq(i.uid())))).execute();
        ctx.insertInto(RECORD_IDENTITY).set(RECORD_IDENTITY.KIND, i.kind().code).set(RECORD_IDENTITY.LOCAL_ID, i.localId())
                .set(RECORD_IDENTITY.UID, i.uid()).set(RECORD_IDENTITY.SENDER_UID, i.senderUid())
                .set(RECORD_IDENTITY.PACKAGE_ID, i.packageId()).set(RECORD_IDENTITY.IMPORTED_AT, Timestamps.now())
                .set(RECORD_IDENTITY.PACKAGE_HASH, i.packageHash()).set(RECORD_IDENTITY.LOCAL_HASH, i.localHash()).execute();
    }

    static void remove(DSLContext ctx, Kind k, int localId) {
        ctx.deleteFrom(RECORD_IDENTITY).where(RECORD_IDENTITY.KIND.eq(k.code).and(RECORD_IDENTITY.LOCAL_ID.eq(localId))).execute();
    }

    private static Ident of(RecordIdentityRecord r) {
        return new Ident(Kind.ofCode(r.getKind()), r.getLocalId(), r.getUid(), r.getSenderUid(), r.getPackageId(),
                r.getImportedAt(), r.getPackageHash(), r.getLocalHash());
    }
}
