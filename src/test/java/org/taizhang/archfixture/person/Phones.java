package org.taizhang.archfixture.person;

public final class Phones {
    public static String normalise(String s) {
        return s.strip();
    }
}
