package org.taizhang.ui;

import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import org.taizhang.activity.Period;

/**
 * The 时间 filter of a list tab: a preset ({@link Period}, 本年 at first) and the from/to dates it
 * fills in. Editing a date by hand switches the preset to 自定义; every change of the range runs
 * {@code onChange} once.
 */
public final class PeriodFilter {
    private final ComboBox<Period> period = new ComboBox<>();
    private final DatePicker from = Form.datePicker();
    private final DatePicker to = Form.datePicker();
    private final Runnable onChange;
    private boolean settingPeriod;

    /** @param idPrefix the node ids are {@code idPrefix-period}, {@code idPrefix-from} and {@code idPrefix-to} */
    public PeriodFilter(String idPrefix, Runnable onChange) {
        this.onChange = onChange;
        period.setId(idPrefix + "-period");
        period.getItems().setAll(Period.values());
        period.setValue(Period.THIS_YEAR);
        applyPeriod(Period.THIS_YEAR);
        period.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != Period.CUSTOM) {
                applyPeriod(b);
            }
            onChange.run();
        });
        from.setId(idPrefix + "-from");
        to.setId(idPrefix + "-to");
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        from.valueProperty().addListener((o, a, b) -> customPeriodChanged());
        to.valueProperty().addListener((o, a, b) -> customPeriodChanged());
    }

    public ComboBox<Period> periodBox() {
        return period;
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

    private void applyPeriod(Period p) {
        LocalDate[] r = p.range(LocalDate.now());
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
            onChange.run();
        }
    }
}
