package org.taizhang.ui;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Spinner;
import org.taizhang.activity.Period;

/**
 * The one 时间 filter of the lists: a preset (全年, 上半年, 下半年, 本季度, 本月, 全部, 自定义) and,
 * for the year presets, the year itself as a first-class choice — opening on the latest year that has
 * records, not on an empty 本年. The from/to dates follow; editing a date by hand switches to 自定义.
 * Every change runs {@code onChange} once; the choice is remembered per list.
 */
public final class PeriodFilter {
    /** The presets offered, in order (上一年 is the year picker's job). */
    public static final List<Period> PRESETS = List.of(Period.THIS_YEAR, Period.FIRST_HALF, Period.SECOND_HALF, Period.THIS_QUARTER,
            Period.THIS_MONTH, Period.ALL, Period.CUSTOM);

    private final ComboBox<Period> period = new ComboBox<>();
    private final Spinner<Integer> year = new Spinner<>(1949, 2100, LocalDate.now().getYear());
    private final DatePicker from = Form.datePicker();
    private final DatePicker to = Form.datePicker();
    private final String key;
    private final Runnable onChange;
    private boolean settingPeriod;
    /** True once the clerk (or the remembered choice) picked the year: the latest-year default then stays away. */
    private boolean yearChosen;

    /** @param idPrefix the node ids are {@code idPrefix-period}, {@code idPrefix-year}, {@code idPrefix-from} and {@code idPrefix-to} */
    public PeriodFilter(String idPrefix, Runnable onChange) {
        this.onChange = onChange;
        this.key = "filter." + idPrefix + ".period";
        period.setId(idPrefix + "-period");
        period.getItems().setAll(PRESETS);
        Controls.showAs(period, PeriodFilter::label);
        year.setId(idPrefix + "-year");
        year.setEditable(true);
        year.setPrefWidth(96);
        from.setId(idPrefix + "-from");
        to.setId(idPrefix + "-to");
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        restore();
        period.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != Period.CUSTOM) {
                applyPeriod();
            }
            showYear();
            remember();
            onChange.run();
        });
        year.valueProperty().addListener((o, a, b) -> {
            yearChosen = true;
            if (period.getValue() != Period.CUSTOM) {
                applyPeriod();
            }
            remember();
            onChange.run();
        });
        from.valueProperty().addListener((o, a, b) -> customPeriodChanged());
        to.valueProperty().addListener((o, a, b) -> customPeriodChanged());
    }

    private static String label(Period p) {
        return p == Period.THIS_YEAR ? "全年" : p.label();
    }

    /** The controls in order, for a tool bar: preset, year, from, to. */
    public List<Node> nodes() {
        return List.of(period, year, from, to);
    }

    public ComboBox<Period> periodBox() {
        return period;
    }

    public Spinner<Integer> yearBox() {
        return year;
    }

    public DatePicker fromPicker() {
        return from;
    }

    public DatePicker toPicker() {
        return to;
    }

    /** The first day of the range, or null. */
    public LocalDate from() {
        return from.getValue();
    }

    /** The last day of the range, or null. */
    public LocalDate to() {
        return to.getValue();
    }

    /**
     * Opens on {@code latestYear} (the latest year with records) unless a year was already chosen or
     * remembered. Runs {@code onChange} when the range changes.
     */
    public void preferYear(int latestYear) {
        if (yearChosen || year.getValue() == latestYear) {
            return;
        }
        year.getValueFactory().setValue(latestYear); // runs onChange
        yearChosen = false;
    }

    /** {from, to} of {@code p} in {@code year} (上半年 of that year …); 本季度/本月 are today's; nulls for 全部/自定义. */
    public static LocalDate[] range(Period p, int year, LocalDate today) {
        return switch (p) {
            case THIS_YEAR, LAST_YEAR -> new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            case FIRST_HALF -> new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)};
            case SECOND_HALF -> new LocalDate[] {LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31)};
            default -> p.range(today);
        };
    }

    private static boolean yearBased(Period p) {
        return p == Period.THIS_YEAR || p == Period.FIRST_HALF || p == Period.SECOND_HALF;
    }

    private void showYear() {
        boolean show = period.getValue() != null && yearBased(period.getValue());
        year.setVisible(show);
        year.setManaged(show);
    }

    private void applyPeriod() {
        Period p = period.getValue();
        Integer y = year.getValue();
        LocalDate[] r = range(p, y == null ? LocalDate.now().getYear() : y, LocalDate.now());
        settingPeriod = true;
        from.setValue(r[0]);
        to.setValue(r[1]);
        settingPeriod = false;
    }

    private void customPeriodChanged() {
        if (settingPeriod) {
            return;
        }
        if (period.getValue() != Period.CUSTOM) {
            period.setValue(Period.CUSTOM); // runs onChange
        } else {
            remember();
            onChange.run();
        }
    }

    /** Stored as "PRESET|year|from|to". */
    private void remember() {
        UiPrefs.put(key, period.getValue() + "|" + year.getValue() + "|" + org.taizhang.common.Dates.iso(from.getValue()) + "|"
                + org.taizhang.common.Dates.iso(to.getValue()));
    }

    private void restore() {
        String stored = UiPrefs.get(key, null);
        Period p = Period.THIS_YEAR;
        settingPeriod = true;
        try {
            if (stored != null) {
                String[] parts = stored.split("\\|", -1);
                p = Period.valueOf(parts[0]);
                year.getValueFactory().setValue(Integer.parseInt(parts[1]));
                yearChosen = true;
                if (p == Period.CUSTOM) {
                    from.setValue(parts[2].isEmpty() ? null : LocalDate.parse(parts[2]));
                    to.setValue(parts[3].isEmpty() ? null : LocalDate.parse(parts[3]));
                }
            }
        } catch (RuntimeException e) {
            p = Period.THIS_YEAR; // an old or damaged entry: start afresh
            yearChosen = false;
        } finally {
            settingPeriod = false;
        }
        if (!PRESETS.contains(p)) {
            p = Period.THIS_YEAR;
        }
        period.setValue(p);
        if (p != Period.CUSTOM) {
            applyPeriod();
        }
        showYear();
    }
}
