package org.taizhang.common;

/** One problem with one input field: {@code field} is the Chinese field label shown next to the input. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + "：" + message;
    }
}
