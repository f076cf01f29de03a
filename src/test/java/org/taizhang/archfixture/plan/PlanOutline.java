package org.taizhang.archfixture.plan;

/** Back-arrow 2: a plan used the Chinese numbers of the report package, which in turn composes plans. */
public class PlanOutline {
    public String heading(int n) {
        return org.taizhang.archfixture.report.Numbers.ordinal(n);
    }
}
