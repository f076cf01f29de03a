package org.taizhang.common;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NumbersTest {
    /** One rule per kind of text, whatever the computer's language: tables group thousands, prose does not, dates are ISO in tables. */
    @Test
    void oneFormatPerKindInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.CHINA, java.util.Locale.GERMANY, java.util.Locale.forLanguageTag("fr-FR")}) {
                java.util.Locale.setDefault(l);
                assertThat(Numbers.grouped(57612)).isEqualTo("57,612");
                assertThat(Numbers.grouped(-1234)).isEqualTo("-1,234");
                assertThat(Numbers.groupedTenths(1253378)).isEqualTo("125,337.8");
                assertThat(Numbers.groupedTenths(120)).isEqualTo("12");
                assertThat(Numbers.tenths(73355)).isEqualTo("7335.5");
                assertThat(Numbers.tenths(120)).isEqualTo("12");
                assertThat(Numbers.count(18213)).isEqualTo("18213");
                assertThat(Numbers.fileSize(512)).isEqualTo("512 B");
                assertThat(Numbers.fileSize(12_595)).isEqualTo("12.3 KB");
                assertThat(Numbers.fileSize(5L * 1024 * 1024 * 1024 / 4)).isEqualTo("1.25 GB");
                assertThat(Dates.iso(LocalDate.of(2021, 6, 30))).isEqualTo("2021-06-30");
                assertThat(Dates.chinese(LocalDate.of(2021, 6, 30))).isEqualTo("2021年6月30日");
                assertThat(Dates.dateTime(java.time.LocalDateTime.of(2021, 6, 30, 9, 5, 7, 123))).isEqualTo("2021-06-30 09:05");
                // the activity list's totals line follows the same rule as the statistics
                assertThat(new org.taizhang.activity.ActivityTotals(12, 57612, 13505, 18213, 2).text())
                        .isEqualTo("共 12 场，参与 57,612 人次，服务 1,350.5 小时，惠及 18,213 人（其中 2 场为尚未举行的计划，不计入统计）");
                assertThat(org.taizhang.stats.Totals.Metric.BENEFICIARIES.format(18213)).isEqualTo("18,213");
                assertThat(org.taizhang.stats.Totals.hoursText(73350)).isEqualTo("7335");
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void ordinals() {
        assertThat(Numbers.ordinal(1)).isEqualTo("一");
        assertThat(Numbers.ordinal(3)).isEqualTo("三");
        assertThat(Numbers.ordinal(10)).isEqualTo("十");
        assertThat(Numbers.ordinal(12)).isEqualTo("十二");
        assertThat(Numbers.ordinal(20)).isEqualTo("二十");
        assertThat(Numbers.ordinal(21)).isEqualTo("二十一");
        assertThat(Numbers.ordinal(100)).isEqualTo("一百");
        assertThat(Numbers.ordinal(105)).isEqualTo("一百零五");
        assertThat(Numbers.ordinal(110)).isEqualTo("一百一十");
        assertThat(Numbers.ordinal(2021)).isEqualTo("二千零二十一");
        assertThat(Numbers.shi(2)).isEqualTo("二是");
        assertThatThrownBy(() -> Numbers.ordinal(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeCountsInWan() {
        assertThat(Numbers.approx(0)).isEqualTo("0");
        assertThat(Numbers.approx(3012)).isEqualTo("3012");
        assertThat(Numbers.approx(9999)).isEqualTo("9999");
        assertThat(Numbers.approx(10000)).isEqualTo("1万");
        assertThat(Numbers.approx(50000)).isEqualTo("5万");
        assertThat(Numbers.approx(50412)).isEqualTo("5万余");
        assertThat(Numbers.approx(53412)).isEqualTo("5.3万余");
        assertThat(Numbers.approx(123456)).isEqualTo("12万余");
        assertThat(Numbers.approx(1_000_000)).isEqualTo("100万");
    }

    @Test
    void hoursFromTenths() {
        assertThat(Numbers.hours(73350)).isEqualTo("7335");
        assertThat(Numbers.hours(75)).isEqualTo("7.5");
        assertThat(Numbers.hours(0)).isEqualTo("0");
        assertThat(Numbers.hours(500_123)).isEqualTo("5万余");
    }

    @Test
    void datesAndPeriods() {
        assertThat(Numbers.date(LocalDate.of(2021, 6, 30))).isEqualTo("2021年6月30日");
        assertThat(Numbers.periodTitle(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30))).isEqualTo("2021年上半年");
        assertThat(Numbers.periodTitle(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31))).isEqualTo("2021年下半年");
        assertThat(Numbers.periodTitle(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).isEqualTo("2022年");
        assertThat(Numbers.periodTitle(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 30))).isEqualTo("2022年第二季度");
        assertThat(Numbers.periodTitle(LocalDate.of(2022, 3, 5), LocalDate.of(2022, 5, 20))).isEqualTo("2022年3月5日至2022年5月20日");
        assertThat(Numbers.periodSpoken(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30))).isEqualTo("上半年");
        assertThat(Numbers.periodSpoken(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))).isEqualTo("全年");
        assertThat(Numbers.periodSpoken(LocalDate.of(2022, 3, 5), LocalDate.of(2022, 5, 20))).isEqualTo("3月5日至5月20日");
    }

    @Test
    void typedNumbersAreStripped() {
        assertThat(Numbers.stripSectionNumber("一、工作开展情况")).isEqualTo("工作开展情况");
        assertThat(Numbers.stripSectionNumber("十二．其他")).isEqualTo("其他");
        assertThat(Numbers.stripSectionNumber("一是不是标题")).isEqualTo("一是不是标题");
        assertThat(Numbers.stripSubsectionNumber("(一)志愿服务")).isEqualTo("志愿服务");
        assertThat(Numbers.stripSubsectionNumber("（十一）𠮷祥")).isEqualTo("𠮷祥");
        assertThat(Numbers.stripItemNumber("一是加强学习")).isEqualTo("加强学习");
        assertThat(Numbers.stripItemNumber("２．加强学习")).isEqualTo("加强学习");
        assertThat(Numbers.stripItemNumber("加强学习")).isEqualTo("加强学习");
    }
}
