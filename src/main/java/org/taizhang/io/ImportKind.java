package org.taizhang.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.taizhang.common.UserException;

/** What can be imported, with the columns each kind understands (in template order). */
public enum ImportKind {
    ORGS("orgs", "组织", List.of(ImportField.ORG_NAME, ImportField.ORG_TYPE, ImportField.ORG_PARENT, ImportField.ORG_FOUNDED,
            ImportField.ORG_TERM, ImportField.ORG_ELECTION, ImportField.ORG_CONTACT, ImportField.ORG_PHONE, ImportField.ORG_NOTE)),
    PEOPLE("people", "人员", List.of(ImportField.PERSON_NAME, ImportField.PERSON_ID, ImportField.PERSON_GENDER,
            ImportField.PERSON_BIRTH, ImportField.PERSON_PHONE, ImportField.PERSON_POLITICAL, ImportField.PERSON_ORG,
            ImportField.PERSON_ROLE, ImportField.PERSON_JOINED, ImportField.PERSON_NOTE)),
    ACTIVITIES("activities", "活动", List.of(ImportField.ACT_DATE, ImportField.ACT_END, ImportField.ACT_NAME, ImportField.ACT_ORG,
            ImportField.ACT_COORGS, ImportField.ACT_CATEGORY, ImportField.ACT_PARTICIPANTS, ImportField.ACT_HOURS,
            ImportField.ACT_BENEFICIARIES, ImportField.ACT_PLACE, ImportField.ACT_DESCRIPTION, ImportField.ACT_HIGHLIGHT,
            ImportField.ACT_PLANNED)),
    HONORS("honors", "荣誉", List.of(ImportField.HONOR_DATE, ImportField.HONOR_TITLE, ImportField.HONOR_LEVEL, ImportField.HONOR_KIND,
            ImportField.HONOR_AWARDEE, ImportField.HONOR_ORG, ImportField.HONOR_PERSON, ImportField.HONOR_ID, ImportField.HONOR_ISSUER,
            ImportField.HONOR_NOTE));

    private final String code;
    private final String label;
    private final List<ImportField> fields;

    ImportKind(String code, String label, List<ImportField> fields) {
        this.code = code;
        this.label = label;
        this.fields = fields;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public List<ImportField> fields() {
        return fields;
    }

    public Optional<ImportField> field(String keyOrLabel) {
        String n = ColumnMapping.normalise(keyOrLabel);
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(keyOrLabel) || ColumnMapping.normalise(f.label()).equals(n))
                .findFirst().or(() -> fields.stream()
                        .filter(f -> f.synonyms().stream().anyMatch(s -> ColumnMapping.normalise(s).equals(n))).findFirst());
    }

    /** orgs / people / activities / honors, also 组织 / 人员 / 活动 / 荣誉 and singular forms. */
    public static ImportKind parse(String s) {
        String n = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ImportKind k : values()) {
            if (k.code.equals(n) || k.label.equals(n) || (k.code.endsWith("s") && k.code.substring(0, k.code.length() - 1).equals(n))
                    || k.name().equalsIgnoreCase(n)) {
                return k;
            }
        }
        if (n.equals("person") || n.equals("roster")) {
            return PEOPLE;
        }
        if (n.equals("honours") || n.equals("honour")) {
            return HONORS;
        }
        throw new UserException("不认识“" + s + "”，可选：orgs（组织）、people（人员）、activities（活动）、honors（荣誉）");
    }

    @Override
    public String toString() {
        return label;
    }
}
