package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window remembers, read back from java.util.prefs (the tests' own node). */
class UiPrefsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        UiPrefs.clear();
    }

    @Test
    void remindersOpenOncePerDayForTheSameThingsAndNotAfterTodayNoMore() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(UiPrefs.remindersDue("9/1/7/29/0/0", today)).isTrue();
        UiPrefs.remindersShown("9/1/7/29/0/0", today);
        assertThat(UiPrefs.remindersDue("9/1/7/29/0/0", today)).as("the same reminders, the same day").isFalse();
        assertThat(UiPrefs.remindersDue("10/1/7/29/0/0", today)).as("something new").isTrue();
        assertThat(UiPrefs.remindersDue("9/1/7/29/0/0", today.plusDays(1))).as("the next day").isTrue();
        UiPrefs.snoozeReminders(today);
        assertThat(UiPrefs.remindersDue("10/1/7/29/0/0", today)).as("今天不再提醒").isFalse();
        assertThat(UiPrefs.remindersDue("10/1/7/29/0/0", today.plusDays(1))).isTrue();
    }

    @Test
    void theLastExportFolderIsOfferedWhileItExists() throws Exception {
        assertThat(UiPrefs.exportFolder()).isNull();
        Path folder = Files.createDirectories(dir.resolve("导出𠮷🎉"));
        UiPrefs.exportedTo(folder.resolve("统计.xlsx"));
        assertThat(UiPrefs.exportFolder()).isEqualTo(folder.toFile());
        Files.delete(folder);
        assertThat(UiPrefs.exportFolder()).as("a folder that is gone is not offered").isNull();
    }

    @Test
    void valuesAreStoredAndCleared() {
        UiPrefs.put("tab.last", "统计分析");
        assertThat(UiPrefs.get("tab.last", null)).isEqualTo("统计分析");
        UiPrefs.put("tab.last", null);
        assertThat(UiPrefs.get("tab.last", "组织名册")).isEqualTo("组织名册");
    }
}
