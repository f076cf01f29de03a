package org.taizhang.activity;

/**
 * An activity exactly as typed in a form, a command line or a spreadsheet row: every field is text.
 * {@link ActivityService#parse(ActivityText)} turns it into an {@link ActivityInput}, reporting every
 * bad field under its Chinese label. {@code org} and {@code coOrgs} are organisation names or "#编号"
 * ({@code coOrgs} separated by 、，, ;), {@code category} a category name.
 */
public record ActivityText(String date, String endDate, String name, String org, String coOrgs, String category,
                           String participants, String hours, String beneficiaries, String place, String description,
                           boolean highlight, boolean planned) {
}
