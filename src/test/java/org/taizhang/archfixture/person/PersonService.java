package org.taizhang.archfixture.person;

public class PersonService {
    public boolean inSubtree(int root, int orgId) {
        return org.taizhang.archfixture.org.Subtree.contains(root, orgId);
    }
}
