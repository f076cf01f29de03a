package org.taizhang.org;

/** A kind of organisation (工会, 团委, 妇联 …) with its usual term length. */
public record OrgType(int id, String name, int defaultTermYears) {
    @Override
    public String toString() {
        return name;
    }
}
