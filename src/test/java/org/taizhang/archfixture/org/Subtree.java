package org.taizhang.archfixture.org;

public final class Subtree {
    public static boolean contains(int root, int id) {
        return root == id;
    }
}
