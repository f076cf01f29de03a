package org.taizhang.person;

import java.time.LocalDate;

/** A person's place in an organisation. */
public record MembershipInput(int orgId, String role, LocalDate joinedOn) {
}
