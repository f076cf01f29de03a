package org.taizhang.stats;

/**
 * Organisation work in a subtree and period.
 *
 * @param electionsHeld organisations whose last 换届 (org.last_election_on) lies in the period
 * @param founded organisations founded in the period
 * @param electionsOverdue organisations whose next 换届 was due before {@code asOf}
 * @param electionsDueSoon organisations whose next 换届 is due from {@code asOf} up to {@code asOf} + N months
 * @param membersAtStart distinct people with a membership in the subtree on the first day
 * @param membersAtEnd distinct people with a membership in the subtree on the last day
 * @param joined memberships in the subtree that began in the period
 * @param left memberships in the subtree that ended in the period
 * @param ageOuts 共青团员 (current members of the subtree) who turn 28 in the period
 * @param withoutOrg people (anywhere) with no membership valid on the last day of the period
 */
public record OrgWork(java.time.LocalDate asOf, int monthsAhead, Change electionsHeld, Change founded,
                      long electionsOverdue, long electionsDueSoon, long membersAtStart, long membersAtEnd,
                      long joined, long left, long ageOuts, long withoutOrg) {
    public long memberChange() {
        return membersAtEnd - membersAtStart;
    }
}
