package org.taizhang.stats;

import java.time.LocalDate;

/**
 * A 共青团员 who turns 28 ({@code turns28}) — the 超龄离团 reminder. {@code orgName} is one current
 * organisation of the person (the first by id), or null when there is none.
 */
public record AgeOut(int personId, String name, LocalDate birthDate, LocalDate turns28, String orgName) {
}
