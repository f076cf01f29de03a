package org.taizhang.archfixture.ui;

/** Back-arrow 1 of the first version: the window seeded demo data through a CLI class. */
public class Window {
    public Object seed() {
        return new org.taizhang.archfixture.cli.DemoDataFactory();
    }
}
