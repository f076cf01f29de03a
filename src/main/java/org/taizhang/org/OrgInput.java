package org.taizhang.org;

import java.time.LocalDate;

/** What a user fills in for an organisation. Null parent = top level. */
public record OrgInput(String name, int typeId, Integer parentId, LocalDate foundedOn, Integer termYears,
                       LocalDate lastElectionOn, String contactPerson, String contactPhone, String note) {

    public static OrgInput of(Org o) {
        return new OrgInput(o.name(), o.typeId(), o.parentId(), o.foundedOn(), o.ownTermYears(), o.lastElectionOn(),
                o.contactPerson(), o.contactPhone(), o.note());
    }

    public OrgInput withParent(Integer newParent) {
        return new OrgInput(name, typeId, newParent, foundedOn, termYears, lastElectionOn, contactPerson, contactPhone, note);
    }
}
