package org.taizhang.archfixture.cli;

/** The command line opens the window (allowed: cli is above ui). */
public class Launcher {
    public Object open() {
        return new org.taizhang.archfixture.ui.Window();
    }
}
