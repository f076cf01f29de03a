package org.taizhang.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors and throws them all at once. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Validator check(boolean ok, String field, String message) {
        if (!ok) {
            error(field, message);
        }
        return this;
    }

    /** Required text, at most {@code max} characters, no hidden control characters; returns the cleaned value. */
    public String requiredText(String value, String field, int max) {
        String c = Texts.cleanOrNull(value);
        if (c == null) {
            error(field, "不能为空");
        } else if (Texts.hiddenCharacterProblem(c) != null) {
            error(field, Texts.hiddenCharacterProblem(c));
        } else if (Texts.length(c) > max) {
            error(field, "不能超过 " + max + " 个字（现在 " + Texts.length(c) + " 个）");
        }
        return c;
    }

    public String optionalText(String value, String field, int max) {
        String c = Texts.cleanOrNull(value);
        if (Texts.hiddenCharacterProblem(c) != null) {
            error(field, Texts.hiddenCharacterProblem(c));
        } else if (c != null && Texts.length(c) > max) {
            error(field, "不能超过 " + max + " 个字（现在 " + Texts.length(c) + " 个）");
        }
        return c;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
