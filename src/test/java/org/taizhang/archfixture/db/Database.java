package org.taizhang.archfixture.db;

/** A downward arrow: db uses common. */
public class Database {
    public String name(String s) {
        return org.taizhang.archfixture.common.Texts.clean(s);
    }
}
