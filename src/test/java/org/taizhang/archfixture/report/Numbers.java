package org.taizhang.archfixture.report;

public final class Numbers {
    public static String ordinal(int n) {
        return "一二三".substring(n - 1, n);
    }
}
