package org.taizhang.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.CHANGE_LOG;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PACKAGE_LOG;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.exchange.Office.COMMUNITY_A1;
import static org.taizhang.exchange.Office.H1;
import static org.taizhang.exchange.Office.STREET_A;
import static org.taizhang.exchange.Office.TEAM_A1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.activity.ActivityInput;
import org.taizhang.exchange.ImportPreview.Op;
import org.taizhang.org.OrgInput;

/** The import rules, one 社区 office sending to its 街道: same package twice, newer package, deletion, rename, conflict, refusals. */
class ExchangeRulesTest {
    @TempDir
    Path dir;
    Office community;
    Office street;
    int n;

    @BeforeEach
    void offices() {
        community = new Office(dir.resolve("community.db"));
        community.addOrg(COMMUNITY_A1, null);
        community.addOrg(TEAM_A1, COMMUNITY_A1);
        community.ownRecords(COMMUNITY_A1);
        community.ownRecords(TEAM_A1);
        street = new Office(dir.resolve("street.db"));
        street.addOrg(STREET_A, null);
        street.org.put(COMMUNITY_A1, street.orgs.add(Fixtures.orgInput(COMMUNITY_A1, 3, street.org.get(STREET_A))));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        community.close();
        street.close();
    }

    Path send() {
        Path p = dir.resolve("package-" + (++n) + ".tzpkg");
        community.export(COMMUNITY_A1, p);
        return p;
    }

    int activityId(Office o, String name) {
        return o.db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY).where(ACTIVITY.NAME.eq(name)).fetchOne(ACTIVITY.ID));
    }

    int changeLogSize(Office o) {
        return o.db.read(ctx -> ctx.fetchCount(CHANGE_LOG));
    }

    @Test
    void samePackageTwiceChangesNothing() {
        Path p = send();
        int logBefore = changeLogSize(street);
        ImportResult first = street.importPackage(p);
        assertTrue(first.changedAnything());
        assertNotNull(first.backup(), "a backup is taken before applying");
        int log = changeLogSize(street);
        assertEquals(first.added() + first.changed(), log - logBefore, "one change-log entry per record written");
        ImportPreview again = street.exchange.preview(p, null, false);
        assertTrue(again.alreadyImported());
        assertFalse(again.hasChanges());
        assertEquals(again.items().size(), again.count(Op.SAME));
        ImportResult second = street.importPackage(p);
        assertFalse(second.changedAnything());
        assertEquals(log, changeLogSize(street));
        assertEquals((Integer) 1, street.db.<Integer>read(ctx -> ctx.fetchCount(PACKAGE_LOG)));
        // a fresh export of unchanged data is a new package with the same content: still nothing to do
        assertFalse(street.importPackage(send()).changedAnything());
    }

    @Test
    void newerPackageReplacesRenamesAndRemoves() {
        street.importPackage(send());
        int lectureUp = activityId(street, "青年理论学习小组（第１期）");
        // the 社区 renames an activity and its volunteer team, deletes an activity and adds one
        int lecture = activityId(community, "青年理论学习小组（第１期）");
        ActivityInput in = community.activities.input(lecture).orElseThrow();
        community.activities.update(lecture, new ActivityInput(in.startDate(), in.endDate(), "青年理论学习小组（第１期·扩大）",
                in.orgId(), in.coOrgIds(), in.categoryId(), 30, in.serviceTenths(), in.beneficiaries(), in.place(),
                in.description(), in.highlight(), in.planned()), false);
        community.activities.remove(activityId(community, "敬老院慰问 😀"));
        community.act(community.org.get(COMMUNITY_A1), "2026-06-15", "端午包粽子🎋", 4, 35, 70, 35);
        int team = community.org.get(TEAM_A1);
        OrgInput t = OrgInput.of(community.orgs.get(team).orElseThrow());
        community.orgs.update(team, new OrgInput("𠮷祥社区青年突击队", t.typeId(), t.parentId(), t.foundedOn(), t.termYears(),
                t.lastElectionOn(), t.contactPerson(), t.contactPhone(), t.note()));

        ImportPreview p = street.exchange.preview(send(), null, false);
        assertEquals(1, p.count(Kind.ACTIVITY, Op.ADD));
        assertEquals(1, p.count(Kind.ACTIVITY, Op.CHANGE));
        assertEquals(1, p.count(Kind.ACTIVITY, Op.REMOVE));
        assertEquals(1, p.count(Kind.ORG, Op.CHANGE));
        assertEquals("2026-04-12 敬老院慰问 😀（𠮷祥社区团委）", p.of(Op.REMOVE).getFirst().label());

        ImportResult r = street.importPackage(dir.resolve("package-" + n + ".tzpkg"));
        assertEquals(1, r.removed());
        assertEquals(lectureUp, activityId(street, "青年理论学习小组（第１期·扩大）"), "renamed in place, same record upstream");
        assertEquals(30, street.activities.get(lectureUp).orElseThrow().participants());
        assertEquals((Integer) 0, street.db.<Integer>read(ctx -> ctx.fetchCount(ACTIVITY, ACTIVITY.NAME.eq("敬老院慰问 😀"))));
        assertEquals(1, street.orgs.findByName("𠮷祥社区青年突击队").size());
        assertTrue(street.orgs.findByName(TEAM_A1).isEmpty());
    }

    @Test
    void recordsKeepTheirOriginAndSenderDeletionsOfOrganisationsAndPeopleArrive() {
        Path first = send();
        street.importPackage(first);
        int teamUp = street.orgs.findByName(TEAM_A1).getFirst().id();
        var origin = street.exchange.origin(Kind.ORG, teamUp).orElseThrow();
        assertEquals(COMMUNITY_A1, origin.senderName());
        assertEquals(first.getFileName().toString(), origin.fileName());
        assertTrue(street.exchange.origin(Kind.ORG, street.org.get(STREET_A)).isEmpty(), "the street's own record has no origin");

        // the 社区 dissolves its volunteer team: its activity, its member and the team itself go
        int team = community.org.get(TEAM_A1);
        community.activities.remove(community.db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY).where(ACTIVITY.ORG_ID.eq(team))
                .fetch(ACTIVITY.ID)));
        int volunteer = community.db.read(ctx -> ctx.select(PERSON.ID).from(PERSON).where(PERSON.NAME.eq("赵志愿")).fetchOne(PERSON.ID));
        community.people.removePerson(volunteer);
        community.orgs.remove(team);
        ImportPreview p = street.exchange.preview(send(), null, false);
        assertEquals(1, p.count(Kind.ORG, Op.REMOVE));
        assertEquals(1, p.count(Kind.PERSON, Op.REMOVE));
        assertEquals(1, p.count(Kind.MEMBERSHIP, Op.REMOVE));
        assertEquals(1, p.count(Kind.ACTIVITY, Op.REMOVE));
        ImportResult r = street.importPackage(dir.resolve("package-" + n + ".tzpkg"));
        assertEquals(4, r.removed(), String.valueOf(r.kept()));
        assertTrue(street.orgs.findByName(TEAM_A1).isEmpty());
        assertEquals((Integer) 0, street.db.<Integer>read(ctx -> ctx.fetchCount(PERSON, PERSON.NAME.eq("赵志愿"))));
    }

    @Test
    void attachmentsTravelWhenAskedForAndOnlyOnce() {
        int lecture = activityId(community, "青年理论学习小组（第１期）");
        byte[] photo = "签到表 １２３ 😀".repeat(200).getBytes(StandardCharsets.UTF_8);
        new org.taizhang.attachment.AttachmentService(community.db).add("activity", lecture, "签到表𠮷.jpg", photo);
        Path without = send();
        assertEquals(0, street.exchange.preview(without, null, false).newAttachments(), "attachments only when asked for");
        Path with = dir.resolve("with-files.tzpkg");
        Manifest m = community.exchange.export(community.org.get(COMMUNITY_A1), H1, false, true, with);
        assertEquals(1, m.counts().get("attachment"));
        ImportResult r = street.importPackage(with);
        assertEquals(1, r.attachments());
        int up = activityId(street, "青年理论学习小组（第１期）");
        var files = new org.taizhang.attachment.AttachmentService(street.db).list("activity", up);
        assertEquals(1, files.size());
        assertEquals("签到表𠮷.jpg", files.getFirst().fileName());
        assertTrue(java.util.Arrays.equals(photo, new org.taizhang.attachment.AttachmentService(street.db).content(files.getFirst().id())));
        assertFalse(street.importPackage(with).changedAnything(), "the same files are not added twice");
    }

    @Test
    void olderPackageAfterNewerIsRefused() {
        Path old = send();
        Path newer = send();
        street.importPackage(newer);
        PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> street.importPackage(old));
        assertTrue(e.getMessage().contains("更旧"), e.getMessage());
    }

    @Test
    void receiverEditsAreConflictsNotOverwritten() {
        street.importPackage(send());
        int up = activityId(street, "青年理论学习小组（第１期）");
        ActivityInput mine = street.activities.input(up).orElseThrow();
        street.activities.update(up, withParticipants(mine, 99), false);
        int visitUp = activityId(street, "敬老院慰问 😀");
        ActivityInput visit = street.activities.input(visitUp).orElseThrow();
        street.activities.update(visitUp, withParticipants(visit, 20), false);
        // the sender changes the first and deletes the second
        int lecture = activityId(community, "青年理论学习小组（第１期）");
        community.activities.update(lecture, withParticipants(community.activities.input(lecture).orElseThrow(), 27), false);
        community.activities.remove(activityId(community, "敬老院慰问 😀"));

        Path p = send();
        ImportPreview preview = street.exchange.preview(p, null, false);
        assertEquals(2, preview.count(Kind.ACTIVITY, Op.CONFLICT));
        ImportResult r = street.importPackage(p);
        assertEquals(99, street.activities.get(up).orElseThrow().participants(), "the receiver's edit stays");
        assertTrue(street.activities.get(visitUp).isPresent(), "an edited record is not deleted");
        assertEquals(2, r.kept().size());
        // the conflicts are still shown the next time
        assertEquals(2, street.exchange.preview(p, null, false).count(Op.CONFLICT));
        // the clerk decides to take the sender's version
        ImportResult theirs = street.exchange.apply(p, null, true);
        assertEquals(1, theirs.changed());
        assertEquals(1, theirs.removed());
        assertEquals(27, street.activities.get(up).orElseThrow().participants());
        assertTrue(street.activities.get(visitUp).isEmpty());
    }

    static ActivityInput withParticipants(ActivityInput in, int participants) {
        return new ActivityInput(in.startDate(), in.endDate(), in.name(), in.orgId(), in.coOrgIds(), in.categoryId(), participants,
                in.serviceTenths(), in.beneficiaries(), in.place(), in.description(), in.highlight(), in.planned());
    }

    @Test
    void tamperedDamagedTooNewAndUnknownPackagesAreRefusedWithNothingWritten() throws IOException {
        Path good = send();
        byte[] dbBefore = counts(street);

        Path tampered = rewrite(good, "tampered.tzpkg", "activities.jsonl",
                s -> s.replace("\"participants\":25", "\"participants\":2500"));
        assertRefused(tampered, "校验值不符");

        Path damaged = dir.resolve("damaged.tzpkg");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(damaged, "损坏");

        Path notZip = dir.resolve("notes.tzpkg");
        Files.writeString(notZip, "这不是数据包 １２３ 😀");
        assertRefused(notZip, "不是台账数据包");

        Path newer = rewrite(good, "newer.tzpkg", "manifest.json", s -> s.replace("\"format_version\" : 1", "\"format_version\" : 2"));
        assertRefused(newer, "升级");

        // a package from an organisation this office does not have
        try (Office other = new Office(dir.resolve("other.db"))) {
            other.addOrg(Office.COMMUNITY_B1, null);
            other.ownRecords(Office.COMMUNITY_B1);
            Path foreign = dir.resolve("foreign.tzpkg");
            other.export(Office.COMMUNITY_B1, foreign);
            assertRefused(foreign, "没有“海滨社区妇联”");
            // …unless the clerk says which organisation it is: then it is remembered
            ImportResult r = street.exchange.apply(foreign, street.org.get(COMMUNITY_A1), false);
            assertTrue(r.changedAnything());
            Path again = dir.resolve("foreign2.tzpkg");
            other.export(Office.COMMUNITY_B1, again);
            assertFalse(street.exchange.apply(again, null, false).changedAnything());
        }
        assertTrue(java.util.Arrays.equals(dbBefore, dbBefore));
    }

    void assertRefused(Path file, String says) {
        byte[] before = counts(street);
        PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> street.importPackage(file));
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, counts(street)), "nothing written");
    }

    static byte[] counts(Office o) {
        return o.db.read(ctx -> (ctx.fetchCount(CHANGE_LOG) + "/" + ctx.fetchCount(ACTIVITY) + "/" + ctx.fetchCount(ORG) + "/"
                + ctx.fetchCount(PACKAGE_LOG)).getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of {@code pkg} with one entry's text changed (the manifest left as it was). */
    Path rewrite(Path pkg, String name, String entry, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(pkg.toFile())) {
            for (ZipEntry e : List.copyOf(z.stream().toList())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        String before = new String(entries.get(entry), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertNotEquals(before, after, "the test changed something");
        entries.put(entry, after.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Path out = dir.resolve(name);
        Files.write(out, b.toByteArray());
        return out;
    }

    @Test
    void idNumbersAreMaskedUnlessAskedAndThenMatchThePerson() throws IOException {
        Path masked = send();
        String people = entry(masked, "people.jsonl");
        assertTrue(people.contains("440305********"), people);
        assertFalse(people.matches("(?s).*\"id_number\":\"\\d{17}[\\dX]\".*"));
        assertTrue(people.contains("139****5678"));
        Path full = dir.resolve("full.tzpkg");
        community.exchange.export(community.org.get(COMMUNITY_A1), H1, true, full);
        assertTrue(entry(full, "people.jsonl").matches("(?s).*\"id_number\":\"\\d{17}[\\dX]\".*"));
        street.importPackage(full);
        assertEquals((Integer) 4, street.db.<Integer>read(ctx -> ctx.fetchCount(PERSON, PERSON.ID_NUMBER.isNotNull())));
    }

    static String entry(Path pkg, String name) throws IOException {
        try (ZipFile z = new ZipFile(pkg.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
