package org.taizhang.archfixture.common;

public final class Texts {
    public static String clean(String s) {
        return s.strip();
    }
}
