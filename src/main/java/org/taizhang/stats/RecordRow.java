package org.taizhang.stats;

import java.time.LocalDate;

/**
 * One record behind a figure, in a shape every kind shares so one table can show it.
 *
 * @param kind "activity", "honor", "org", "person" or "membership"
 * @param id the record's id in its table (the person id for "membership")
 * @param date the date that put the record into the figure (activity start, honour date, election, founding, due date, 28th birthday, joining/leaving)
 * @param title activity name, honour title, organisation name, or person name
 * @param orgName the organisation it belongs to
 * @param detail a short description: "志愿服务 · 30人次 · 12.5小时 · 惠及100人", "省级 · 集体", …
 */
public record RecordRow(String kind, int id, LocalDate date, String title, String orgName, String detail) {
}
