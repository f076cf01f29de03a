package org.taizhang.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The .tzpkg file: a zip holding {@code manifest.json} and one JSON-lines file per record kind
 * ({@code orgs.jsonl}, {@code people.jsonl}, …). The manifest carries the SHA-256 of every entry, so a
 * damaged or hand-edited package is refused; {@code format_version} lets a later program refuse to guess
 * at a format it does not know. Reading checks everything before returning; nothing is written then.
 */
public final class PackageFormat {
    public static final String FORMAT = "taizhang-package";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String EXTENSION = ".tzpkg";
    /** Optional entry: attachments of the package's activities and honours, content in Base64. */
    public static final String ATTACHMENTS = "attachments.jsonl";
    /** A package is at most this large once unpacked (a guard against damaged or hostile files). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private PackageFormat() {
    }

    /** The program name and version written into every manifest. */
    public static String program() {
        String v = PackageFormat.class.getPackage().getImplementationVersion();
        return "台账 Taizhang " + (v == null ? "0.1.0" : v);
    }

    /** A package in memory: its manifest and the records of each kind as JSON objects. */
    public record DataPackage(Manifest manifest, Map<Kind, List<Map<String, Object>>> records, List<Map<String, Object>> attachments) {
        public List<Map<String, Object>> of(Kind k) {
            return records.getOrDefault(k, List.of());
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes the package to {@code out} through {@link org.taizhang.common.AtomicFile} (temp file, fsync, rename). */
    static Manifest write(Path out, Manifest header, Map<Kind, List<Map<String, Object>>> records, List<Map<String, Object>> attachments) {
        Map<Kind, byte[]> bodies = new EnumMap<>(Kind.class);
        List<Manifest.Entry> entries = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            List<Map<String, Object>> list = records.getOrDefault(k, List.of());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Map<String, Object> r : list) {
                b.writeBytes(line(r).getBytes(StandardCharsets.UTF_8));
                b.write('\n');
            }
            byte[] body = b.toByteArray();
            bodies.put(k, body);
            entries.add(new Manifest.Entry(k.entry, list.size(), sha256(body)));
            counts.put(k.code, list.size());
        }
        byte[] attachmentBody = null;
        if (!attachments.isEmpty()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Map<String, Object> r : attachments) {
                b.writeBytes(line(r).getBytes(StandardCharsets.UTF_8));
                b.write('\n');
            }
            attachmentBody = b.toByteArray();
            entries.add(new Manifest.Entry(ATTACHMENTS, attachments.size(), sha256(attachmentBody)));
            counts.put("attachment", attachments.size());
        }
        byte[] extra = attachmentBody;
        Manifest m = new Manifest(FORMAT, VERSION, header.program(), header.packageId(), header.createdAt(),
                header.senderUid(), header.senderName(), header.senderType(), header.senderPath(), header.from(),
                header.to(), header.periodLabel(), header.fullId(), counts, header.totals(), entries);
        byte[] manifest;
        try {
            manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        org.taizhang.common.AtomicFile.write(out, os -> {
            ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            for (Kind k : Kind.values()) {
                zip.putNextEntry(new ZipEntry(k.entry));
                zip.write(bodies.get(k));
                zip.closeEntry();
            }
            if (extra != null) {
                zip.putNextEntry(new ZipEntry(ATTACHMENTS));
                zip.write(extra);
                zip.closeEntry();
            }
            zip.finish(); // AtomicFile closes the stream after syncing it
        });
        return m;
    }

    static String line(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a record's JSON with sorted keys: the same content always gives the same text. */
    static String hash(Object value) {
        try {
            return sha256(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> toJson(Manifest m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("format", m.format());
        j.put("format_version", m.formatVersion());
        j.put("program", m.program());
        j.put("package_id", m.packageId());
        j.put("created_at", m.createdAt().toString());
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("uid", m.senderUid());
        sender.put("name", m.senderName());
        sender.put("type", m.senderType());
        sender.put("path", m.senderPath());
        j.put("sender", sender);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", m.from().toString());
        period.put("to", m.to().toString());
        period.put("label", m.periodLabel());
        j.put("period", period);
        j.put("full_id", m.fullId());
        j.put("counts", m.counts());
        j.put("totals", m.totals());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Manifest.Entry e : m.entries()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", e.name());
            x.put("records", e.records());
            x.put("sha256", e.sha256());
            entries.add(x);
        }
        j.put("entries", entries);
        return j;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads and checks a package: a zip with a manifest of a known format version, every entry present
     * with the recorded SHA-256 and record count, every line a JSON object with a uid.
     *
     * @throws PackageRefusedException in plain Chinese when any of that fails
     */
    public static DataPackage read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new PackageRefusedException("找不到数据包文件 " + file + "。");
        }
        org.taizhang.common.AtomicFile.refuseReading(file, "数据包");
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry me = zip.getEntry(MANIFEST);
            if (me == null) {
                throw new PackageRefusedException("“" + name + "”不是台账数据包（里面没有 manifest.json），未导入任何数据。");
            }
            Manifest m = manifest(name, readJson(name, bytes(zip, me)));
            Map<Kind, List<Map<String, Object>>> records = new EnumMap<>(Kind.class);
            List<Map<String, Object>> attachments = List.of();
            for (Manifest.Entry e : m.entries()) {
                Kind kind = null;
                for (Kind k : Kind.values()) {
                    if (k.entry.equals(e.name())) {
                        kind = k;
                    }
                }
                if (kind == null && !ATTACHMENTS.equals(e.name())) {
                    continue; // an entry this version does not use (the format version says it may be ignored)
                }
                ZipEntry ze = zip.getEntry(e.name());
                if (ze == null) {
                    throw damaged(name, "缺少 " + e.name());
                }
                byte[] body = bytes(zip, ze);
                if (!sha256(body).equalsIgnoreCase(e.sha256())) {
                    throw new PackageRefusedException("数据包“" + name + "”中的 " + e.name() + " 与校验值不符：文件已损坏或被改动过。"
                            + "未导入任何数据，请让报送单位重新导出后再发送。");
                }
                List<Map<String, Object>> list = lines(name, e.name(), body);
                if (list.size() != e.records()) {
                    throw damaged(name, e.name() + " 应有 " + e.records() + " 条记录，实际 " + list.size() + " 条");
                }
                if (kind == null) {
                    attachments = list;
                } else {
                    records.put(kind, list);
                }
            }
            for (Kind k : Kind.values()) {
                records.putIfAbsent(k, List.of());
            }
            return new DataPackage(m, records, attachments);
        } catch (ZipException e) {
            throw new PackageRefusedException("“" + name + "”不是台账数据包或文件已损坏（无法按 zip 读取），未导入任何数据。", e);
        } catch (NoSuchFileException e) {
            throw new PackageRefusedException("找不到数据包文件 " + file + "。", e);
        } catch (IOException e) {
            throw new PackageRefusedException("读取数据包“" + name + "”失败：" + org.taizhang.common.OsErrors.describe(e) + "。未导入任何数据。", e);
        }
    }

    private static PackageRefusedException damaged(String file, String what) {
        return new PackageRefusedException("数据包“" + file + "”已损坏或不完整（" + what + "），未导入任何数据。");
    }

    private static byte[] bytes(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ENTRY_BYTES + 1));
            if (b.length > MAX_ENTRY_BYTES) {
                throw new PackageRefusedException("数据包中的 " + e.getName() + " 过大，未导入任何数据。");
            }
            return b;
        }
    }

    private static Map<String, Object> readJson(String file, byte[] body) {
        try {
            return JSON.readValue(body, MAP);
        } catch (IOException e) {
            throw damaged(file, "manifest.json 无法解析");
        }
    }

    private static List<Map<String, Object>> lines(String file, String entry, byte[] body) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> rec;
                try {
                    rec = JSON.readValue(line, MAP);
                } catch (JsonProcessingException e) {
                    throw damaged(file, entry + " 第 " + n + " 行不是有效的 JSON");
                }
                if (!(rec.get("uid") instanceof String s) || s.isBlank()) {
                    throw damaged(file, entry + " 第 " + n + " 行缺少 uid");
                }
                out.add(rec);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Manifest manifest(String file, Map<String, Object> j) {
        if (!FORMAT.equals(j.get("format"))) {
            throw new PackageRefusedException("“" + file + "”不是台账数据包（格式标记不符），未导入任何数据。");
        }
        int version = j.get("format_version") instanceof Number n ? n.intValue() : -1;
        if (version > VERSION) {
            throw new PackageRefusedException("数据包“" + file + "”由更新版本的台账程序生成（" + j.get("program") + "，数据包格式第 "
                    + version + " 版；本程序只认识到第 " + VERSION + " 版）。请先升级本程序再导入；未导入任何数据。");
        }
        if (version < 1) {
            throw damaged(file, "格式版本无效");
        }
        try {
            Map<String, Object> sender = (Map<String, Object>) j.get("sender");
            Map<String, Object> period = (Map<String, Object>) j.get("period");
            List<Manifest.Entry> entries = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) j.get("entries")) {
                entries.add(new Manifest.Entry((String) e.get("name"), ((Number) e.get("records")).intValue(), (String) e.get("sha256")));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            ((Map<String, Object>) j.getOrDefault("counts", Map.of())).forEach((k, v) -> counts.put(k, ((Number) v).intValue()));
            Map<String, Long> totals = new LinkedHashMap<>();
            ((Map<String, Object>) j.getOrDefault("totals", Map.of())).forEach((k, v) -> totals.put(k, ((Number) v).longValue()));
            String uid = (String) sender.get("uid");
            String packageId = (String) j.get("package_id");
            if (uid == null || uid.isBlank() || packageId == null || packageId.isBlank()) {
                throw damaged(file, "缺少报送单位或数据包编号");
            }
            return new Manifest(FORMAT, version, (String) j.get("program"), packageId,
                    Instant.parse((String) j.get("created_at")), uid, (String) sender.get("name"), (String) sender.get("type"),
                    (List<String>) sender.getOrDefault("path", List.of()), LocalDate.parse((String) period.get("from")),
                    LocalDate.parse((String) period.get("to")), (String) period.get("label"),
                    Boolean.TRUE.equals(j.get("full_id")), counts, totals, entries);
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw damaged(file, "manifest.json 内容不完整");
        }
    }
}
