package org.taizhang.person;

import java.time.LocalDate;

/**
 * What a user fills in for a person. Gender and birth date come from the ID number when one is
 * given; {@code gender}/{@code birthDate} are only used when it is left empty.
 */
public record PersonInput(String name, String idNumber, String gender, LocalDate birthDate, String phone,
                          String politicalStatus, String note) {
}
