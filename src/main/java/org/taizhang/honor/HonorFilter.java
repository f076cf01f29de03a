package org.taizhang.honor;

import java.time.LocalDate;

/** Which honours to list or count; every part optional. {@code orgRootId} = that organisation and its subtree. */
public record HonorFilter(LocalDate from, LocalDate to, Integer orgRootId, String level, String kind, Integer personId,
                          String text) {
    public static final HonorFilter ALL = new HonorFilter(null, null, null, null, null, null, null);

    public HonorFilter withPeriod(LocalDate f, LocalDate t) {
        return new HonorFilter(f, t, orgRootId, level, kind, personId, text);
    }

    public HonorFilter withOrg(Integer root) {
        return new HonorFilter(from, to, root, level, kind, personId, text);
    }

    public HonorFilter withLevel(String l) {
        return new HonorFilter(from, to, orgRootId, l, kind, personId, text);
    }

    public HonorFilter withKind(String k) {
        return new HonorFilter(from, to, orgRootId, level, k, personId, text);
    }
}
