package org.taizhang.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned migration scripts in {@code db/migration}, listed by {@code db/migration/index.txt}
 * (a resource listing is not portable inside a jar). Version N is the number in {@code VNNN__name.sql}.
 */
public final class Migrations {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[\\w-]+\\.sql");

    public record Migration(int version, String name, String sql) {
        /**
         * Statements of the script. A statement ends where a line ends with the delimiter, {@code ;} unless
         * a line {@code DELIMITER $$} changed it for the rest of the file (the same directive the build's
         * sql-maven-plugin understands), so a trigger body can hold {@code ;} inside:
         * <pre>
         * DELIMITER $$
         * CREATE TRIGGER t AFTER INSERT ON a BEGIN
         *   INSERT INTO b VALUES (new.id);
         * END$$
         * </pre>
         * Lines starting with {@code --} are comments.
         */
        public List<String> statements() {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            String delimiter = ";";
            for (String line : sql.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("--")) {
                    continue;
                }
                if (cur.toString().isBlank() && trimmed.toUpperCase(java.util.Locale.ROOT).startsWith(DELIMITER)) {
                    delimiter = trimmed.substring(DELIMITER.length()).strip();
                    if (delimiter.isEmpty()) {
                        throw new IllegalStateException("迁移脚本 " + name + " 的 DELIMITER 行缺少分隔符");
                    }
                    cur.setLength(0);
                    continue;
                }
                cur.append(line).append('\n');
                if (trimmed.endsWith(delimiter)) {
                    String stmt = cur.toString().strip();
                    stmt = stmt.substring(0, stmt.length() - delimiter.length()).strip();
                    if (!stmt.isEmpty()) {
                        out.add(stmt);
                    }
                    cur.setLength(0);
                }
            }
            if (!cur.toString().isBlank()) {
                out.add(cur.toString().strip());
            }
            return out;
        }
    }

    /** The directive that changes the statement delimiter for the rest of a script (as in sql-maven-plugin). */
    private static final String DELIMITER = "DELIMITER ";

    private Migrations() {
    }

    public static List<Migration> all() {
        List<Migration> list = new ArrayList<>();
        for (String file : read("db/migration/index.txt").split("\n")) {
            String name = file.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("迁移脚本名称不合规: " + name);
            }
            list.add(new Migration(Integer.parseInt(m.group(1)), name, read("db/migration/" + name)));
        }
        list.sort(Comparator.comparingInt(Migration::version));
        return list;
    }

    public static int latestVersion() {
        List<Migration> all = all();
        return all.isEmpty() ? 0 : all.getLast().version();
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源 " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
