package org.taizhang.archfixture.report;

public class SummaryComposer {
    public Object plan() {
        return new org.taizhang.archfixture.plan.PlanOutline();
    }
}
