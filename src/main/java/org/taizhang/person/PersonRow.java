package org.taizhang.person;

import java.time.LocalDate;

/** A person as listed under an organisation: one row per current membership. */
public record PersonRow(int personId, int membershipId, String name, String gender, LocalDate birthDate,
                        String idNumber, String phone, String politicalStatus, String role, LocalDate joinedOn,
                        int orgId, String orgName) {
}
