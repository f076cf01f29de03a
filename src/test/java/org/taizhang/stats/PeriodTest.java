package org.taizhang.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void factoriesAndLabels() {
        assertThat(Period.firstHalf(2021)).isEqualTo(new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30)));
        assertThat(Period.firstHalf(2021).label()).isEqualTo("2021年上半年");
        assertThat(Period.secondHalf(2021).label()).isEqualTo("2021年下半年");
        assertThat(Period.quarter(2021, 3).label()).isEqualTo("2021年第三季度");
        assertThat(Period.quarter(2021, 1).to()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(Period.month(2024, 2).to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.month(2021, 5).label()).isEqualTo("2021年5月");
        assertThat(Period.year(2021).label()).isEqualTo("2021年");
        assertThat(Period.custom(LocalDate.of(2021, 3, 5), LocalDate.of(2021, 6, 30)).label()).isEqualTo("2021年3月5日至2021年6月30日");
        assertThat(Period.year(2021).days()).isEqualTo(365);
        assertThat(Period.quarter(2021, 2).months()).hasSize(3);
    }

    @Test
    void parsesTheUsualSpellings() {
        assertThat(Period.parse("2021")).isEqualTo(Period.year(2021));
        assertThat(Period.parse("２０２１年")).isEqualTo(Period.year(2021));
        assertThat(Period.parse("2021H1")).isEqualTo(Period.firstHalf(2021));
        assertThat(Period.parse("2021h2")).isEqualTo(Period.secondHalf(2021));
        assertThat(Period.parse("2021年上半年")).isEqualTo(Period.firstHalf(2021));
        assertThat(Period.parse("2021Q3")).isEqualTo(Period.quarter(2021, 3));
        assertThat(Period.parse("2021年第三季度")).isEqualTo(Period.quarter(2021, 3));
        assertThat(Period.parse("2021-05")).isEqualTo(Period.month(2021, 5));
        assertThat(Period.parse("2021年5月")).isEqualTo(Period.month(2021, 5));
        assertThat(Period.parse("2021-03-05至2021/6/30")).isEqualTo(Period.custom(LocalDate.of(2021, 3, 5), LocalDate.of(2021, 6, 30)));
        for (Period p : new Period[] {Period.year(2021), Period.firstHalf(2021), Period.quarter(2021, 4), Period.month(2021, 2),
                Period.custom(LocalDate.of(2021, 3, 5), LocalDate.of(2021, 6, 30))}) {
            assertThat(Period.parse(p.code())).isEqualTo(p);
        }
    }

    @Test
    void refusesBadInputWithAReason() {
        assertThatThrownBy(() -> Period.parse("2021Q5")).hasMessageContaining("不是统计时段");
        assertThatThrownBy(() -> Period.parse("2021-13")).hasMessageContaining("月份 13");
        assertThatThrownBy(() -> Period.parse("")).hasMessageContaining("请填写");
        assertThatThrownBy(() -> Period.parse("去年")).hasMessageContaining("不是统计时段");
        assertThatThrownBy(() -> Period.parse("2021-06-30至2021-01-01")).hasMessageContaining("晚于");
        assertThatThrownBy(() -> Period.parse("2021-02-30至2021-03-01")).hasMessageContaining("不存在");
    }

    @Test
    void previousYearKeepsWholeMonths() {
        assertThat(Period.month(2024, 2).previousYear()).isEqualTo(Period.month(2023, 2));
        assertThat(Period.month(2025, 2).previousYear()).isEqualTo(Period.month(2024, 2)); // ends 29 Feb
        assertThat(Period.firstHalf(2021).previousYear()).isEqualTo(Period.firstHalf(2020));
        assertThat(Period.custom(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 10)).previousYear())
                .isEqualTo(Period.custom(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 10)));
    }

    @Test
    void changeWithPercent() {
        assertThat(new Change(3, 2).percentText()).isEqualTo("+50.0%");
        assertThat(new Change(1, 3).percentText()).isEqualTo("-66.7%");
        assertThat(new Change(2, 2).percentText()).isEqualTo("持平");
        assertThat(new Change(0, 0).percentText()).isEqualTo("—");
        assertThat(new Change(5, 0).percent()).isNull();
        assertThat(new Change(5, 0).deltaText()).isEqualTo("+5");
        assertThat(new Totals(1, 2, 125, 4).serviceHoursText()).isEqualTo("12.5");
        assertThat(new Totals(1, 2, 120, 4).serviceHoursText()).isEqualTo("12");
    }
}
