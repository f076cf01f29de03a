package org.taizhang.io;

import java.util.List;

/**
 * One column an import understands: its key, the Chinese label used in templates and messages, the
 * header spellings recognised in real sheets, and whether a row without it is rejected.
 */
public record ImportField(String key, String label, boolean required, List<String> synonyms, String hint) {
    /** The label first, then the other spellings. */
    public List<String> allNames() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(label);
        for (String s : synonyms) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }
}
