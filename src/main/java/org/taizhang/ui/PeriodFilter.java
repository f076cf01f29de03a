package org.taizhang.ui;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Spinner;
import org.taizhang.activity.Period;

/**
 * The one 时间 filter of the window: a preset (全年, 上半年, 下半年, 本季度, 本月, 全部, 自定义) and,
 * for the year presets, the year itself as a first-class choice — opening on the latest year that has
 * records, not on an empty 本年. The from/to dates follow; editing a date by hand switches to 自定义.
 * Every change runs {@code onChange} once; the choice is remembered per list.
 *
 * <p>{@link #withParts} is the same control for statistics: 全年, 上半年, 下半年, 季度 and 月份 of the chosen
 * year (第几季度 / 几月 in a drop-down of its own) and 自定义 — no 全部, a statistics period has an end.
 */
public final class PeriodFilter {
    /** The presets offered, in order (上一年 is the year picker's job). */
    public static final List<Period> PRESETS = List.of(Period.THIS_YEAR, Period.FIRST_HALF, Period.SECOND_HALF, Period.THIS_QUARTER,
            Period.THIS_MONTH, Period.ALL, Period.CUSTOM);
    /** The presets of {@link #withParts}: 季度 and 月份 are of the chosen year, picked in the part drop-down. */
    public static final List<Period> PART_PRESETS = List.of(Period.THIS_YEAR, Period.FIRST_HALF, Period.SECOND_HALF, Period.THIS_QUARTER,
            Period.THIS_MONTH, Period.CUSTOM);

    private final ComboBox<Period> period = new ComboBox<>();
    private final Spinner<Integer> year = new Spinner<>(1949, 2100, LocalDate.now().getYear());
    private final DatePicker from = Form.datePicker();
    private final DatePicker to = Form.datePicker();
    /** 第几季度 or 几月 of the chosen year ({@link #withParts} only). */
    private final ComboBox<Integer> part = new ComboBox<>();
    private final boolean parts;
    private final List<Period> presets;
    private final String key;
    private final Runnable onChange;
    private boolean settingPeriod;
    /** True once the clerk (or the remembered choice) picked the year: the latest-year default then stays away. */
    private boolean yearChosen;
    /** The year came from the remembered choice (of another database, perhaps) and the clerk has not chosen since. */
    private boolean yearRemembered;

    /** @param idPrefix the node ids are {@code idPrefix-period}, {@code idPrefix-year}, {@code idPrefix-from} and {@code idPrefix-to} */
    public PeriodFilter(String idPrefix, Runnable onChange) {
        this(idPrefix, onChange, false);
    }

    /**
     * The filter of a statistics page: year presets, 季度 and 月份 of the chosen year (the part drop-down has
     * id {@code idPrefix-part}), and 自定义.
     */
    public static PeriodFilter withParts(String idPrefix, Runnable onChange) {
        return new PeriodFilter(idPrefix, onChange, true);
    }

    private PeriodFilter(String idPrefix, Runnable onChange, boolean parts) {
        this.onChange = onChange;
        this.parts = parts;
        this.presets = parts ? PART_PRESETS : PRESETS;
        this.key = "filter." + idPrefix + ".period";
        period.setId(idPrefix + "-period");
        period.getItems().setAll(presets);
        Controls.showAs(period, p -> label(p, parts));
        part.setId(idPrefix + "-part");
        part.setPrefWidth(110);
        Controls.showAs(part, this::partLabel);
        year.setId(idPrefix + "-year");
        year.setEditable(true);
        year.setPrefWidth(96);
        from.setId(idPrefix + "-from");
        to.setId(idPrefix + "-to");
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        restore();
        period.valueProperty().addListener((o, a, b) -> {
            if (settingPeriod) {
                return; // set together with the rest by show()
            }
            fillParts(null);
            if (b != null && b != Period.CUSTOM) {
                applyPeriod();
            }
            showYear();
            remember();
            onChange.run();
        });
        part.valueProperty().addListener((o, a, b) -> {
            if (settingPeriod || b == null) {
                return;
            }
            applyPeriod();
            remember();
            onChange.run();
        });
        year.valueProperty().addListener((o, a, b) -> {
            if (settingPeriod) {
                return;
            }
            yearChosen = true;
            yearRemembered = false;
            if (period.getValue() != Period.CUSTOM) {
                applyPeriod();
            }
            remember();
            onChange.run();
        });
        from.valueProperty().addListener((o, a, b) -> customPeriodChanged());
        to.valueProperty().addListener((o, a, b) -> customPeriodChanged());
    }

    private static String label(Period p, boolean parts) {
        return p == Period.THIS_YEAR ? "全年" : parts && p == Period.THIS_QUARTER ? "季度" : parts && p == Period.THIS_MONTH ? "月份" : p.label();
    }

    private String partLabel(Integer n) {
        return period.getValue() == Period.THIS_QUARTER ? "第" + "一二三四".charAt(n - 1) + "季度" : n + "月";
    }

    private boolean partBased(Period p) {
        return parts && (p == Period.THIS_QUARTER || p == Period.THIS_MONTH);
    }

    /** The part drop-down for the preset shown: 4 quarters or 12 months, on {@code keep} or today's. */
    private void fillParts(Integer keep) {
        Period p = period.getValue();
        boolean was = settingPeriod;
        settingPeriod = true;
        try {
            if (!partBased(p)) {
                part.getItems().clear();
            } else {
                int n = p == Period.THIS_QUARTER ? 4 : 12;
                LocalDate today = LocalDate.now();
                int fallback = p == Period.THIS_QUARTER ? (today.getMonthValue() - 1) / 3 + 1 : today.getMonthValue();
                part.getItems().setAll(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
                part.setValue(keep != null && keep >= 1 && keep <= n ? keep : fallback);
                // the cells name the part of the preset now shown
                Controls.showAs(part, this::partLabel);
            }
        } finally {
            settingPeriod = was;
        }
        part.setVisible(partBased(p));
        part.setManaged(partBased(p));
    }

    /** The controls in order, for a tool bar: preset, year, part (statistics only), from, to. */
    public List<Node> nodes() {
        return parts ? List.of(period, year, part, from, to) : List.of(period, year, from, to);
    }

    /** 第几季度 / 几月 of {@link #withParts}; hidden for the other presets. */
    public ComboBox<Integer> partBox() {
        return part;
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
        // a remembered year after the latest with records (remembered from another database) would open on a
        // page of zeros: the latest year with records wins then; a year the clerk chose now stays
        boolean rememberedEmpty = yearRemembered && year.getValue() > latestYear;
        yearRemembered = false;
        if ((yearChosen && !rememberedEmpty) || year.getValue() == latestYear) {
            return;
        }
        year.getValueFactory().setValue(latestYear); // runs onChange
        yearChosen = false;
    }

    /**
     * Sets the filter to {from, to} without running {@code onChange}: the preset and part that name it
     * exactly (全年, 上半年, 第三季度 … of its year), else 自定义. The year counts as chosen.
     */
    public void show(LocalDate first, LocalDate last) {
        settingPeriod = true;
        try {
            int y = first.getYear();
            Period p = Period.CUSTOM;
            Integer n = null;
            for (Period candidate : presets) {
                if (!yearBased(candidate) && !partBased(candidate)) {
                    continue; // 全部, 自定义, and the lists' 本季度/本月 (today's) name no other period
                }
                int count = partBased(candidate) ? (candidate == Period.THIS_QUARTER ? 4 : 12) : 1;
                for (int i = 1; i <= count && p == Period.CUSTOM; i++) {
                    LocalDate[] r = partBased(candidate) ? range(candidate, y, i, LocalDate.now()) : range(candidate, y, LocalDate.now());
                    if (first.equals(r[0]) && last.equals(r[1])) {
                        p = candidate;
                        n = partBased(candidate) ? i : null;
                    }
                }
            }
            year.getValueFactory().setValue(y);
            yearChosen = true;
            period.setValue(p);
            fillParts(n);
            from.setValue(first);
            to.setValue(last);
            showYear();
        } finally {
            settingPeriod = false;
        }
        remember();
    }

    /** {@link #range(Period, int, LocalDate)} where 季度/月份 are quarter or month {@code part} of {@code year}. */
    public static LocalDate[] range(Period p, int year, int part, LocalDate today) {
        return switch (p) {
            case THIS_QUARTER -> {
                LocalDate start = LocalDate.of(year, part * 3 - 2, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case THIS_MONTH -> {
                LocalDate start = LocalDate.of(year, part, 1);
                yield new LocalDate[] {start, start.withDayOfMonth(start.lengthOfMonth())};
            }
            default -> range(p, year, today);
        };
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
        boolean show = period.getValue() != null && (yearBased(period.getValue()) || partBased(period.getValue()));
        year.setVisible(show);
        year.setManaged(show);
    }

    private void applyPeriod() {
        Period p = period.getValue();
        Integer y = year.getValue();
        int yy = y == null ? LocalDate.now().getYear() : y;
        LocalDate[] r = partBased(p) && part.getValue() != null ? range(p, yy, part.getValue(), LocalDate.now()) : range(p, yy, LocalDate.now());
        boolean was = settingPeriod;
        settingPeriod = true;
        from.setValue(r[0]);
        to.setValue(r[1]);
        settingPeriod = was;
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

    /** Stored as "PRESET|year|from|to|part". */
    private void remember() {
        // the constant's name: Period.toString() is its Chinese label, which valueOf() cannot read back
        UiPrefs.put(key, (period.getValue() == null ? Period.THIS_YEAR : period.getValue()).name() + "|" + year.getValue() + "|" + org.taizhang.common.Dates.iso(from.getValue()) + "|"
                + org.taizhang.common.Dates.iso(to.getValue()) + "|" + (part.getValue() == null ? "" : part.getValue()));
    }

    private void restore() {
        String stored = UiPrefs.get(key, null);
        Period p = Period.THIS_YEAR;
        Integer storedPart = null;
        settingPeriod = true;
        try {
            if (stored != null) {
                String[] fields = stored.split("\\|", -1);
                p = Period.valueOf(fields[0]);
                year.getValueFactory().setValue(Integer.parseInt(fields[1]));
                yearChosen = true;
                yearRemembered = true;
                if (fields.length > 4 && !fields[4].isEmpty()) {
                    storedPart = Integer.valueOf(fields[4]);
                }
                if (p == Period.CUSTOM) {
                    from.setValue(fields[2].isEmpty() ? null : LocalDate.parse(fields[2]));
                    to.setValue(fields[3].isEmpty() ? null : LocalDate.parse(fields[3]));
                }
            }
        } catch (RuntimeException e) {
            p = Period.THIS_YEAR; // an old or damaged entry: start afresh
            yearChosen = false;
        } finally {
            settingPeriod = false;
        }
        if (!presets.contains(p)) {
            p = Period.THIS_YEAR;
        }
        settingPeriod = true;
        period.setValue(p);
        settingPeriod = false;
        fillParts(storedPart);
        if (p != Period.CUSTOM) {
            applyPeriod();
        }
        showYear();
    }
}
