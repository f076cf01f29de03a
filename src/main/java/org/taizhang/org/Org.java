package org.taizhang.org;

import java.time.LocalDate;

/**
 * One organisation as the roster shows it. {@code termYears} is the organisation's own term, or its
 * type's default when not set; {@code memberCount} counts current members (no leaving date).
 */
public record Org(int id, Integer parentId, String name, int typeId, String typeName, LocalDate foundedOn,
                  Integer ownTermYears, int termYears, LocalDate lastElectionOn, String contactPerson,
                  String contactPhone, String note, int memberCount) {

    /** Next 换届 due: last election (or founding, if never elected) plus the term. Null when neither is known. */
    public LocalDate nextElectionDue() {
        return nextElectionDue(lastElectionOn, foundedOn, termYears);
    }

    public static LocalDate nextElectionDue(LocalDate lastElection, LocalDate founded, int termYears) {
        LocalDate base = lastElection != null ? lastElection : founded;
        return base == null ? null : base.plusYears(termYears);
    }

    public boolean electionOverdue(LocalDate today) {
        LocalDate due = nextElectionDue();
        return due != null && due.isBefore(today);
    }

    @Override
    public String toString() {
        return name;
    }
}
