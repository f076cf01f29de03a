package org.taizhang.stats;

import java.time.LocalDate;

/**
 * An organisation whose 换届 is overdue or coming up. {@code due} = last election (or founding, when
 * never elected) + term (the organisation's own term, or its type's default), the same rule as
 * {@link org.taizhang.org.Org#nextElectionDue()}; 29 February + n years falls on 28 February in a
 * non-leap year.
 */
public record ElectionDue(int orgId, String orgName, String typeName, LocalDate lastElection, LocalDate founded,
                          int termYears, LocalDate due, boolean overdue) {
}
