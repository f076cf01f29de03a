package org.taizhang.archfixture.org;

/** Back-arrow 3: organisations used the phone rule of person, while person used the organisation subtree. */
public class OrgService {
    public String phone(String s) {
        return org.taizhang.archfixture.person.Phones.normalise(s);
    }
}
