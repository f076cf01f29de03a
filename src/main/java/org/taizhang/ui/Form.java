package org.taizhang.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.taizhang.common.Dates;
import org.taizhang.common.FieldError;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;

/**
 * A two-column form whose fields are keyed by the same Chinese labels the services use in their
 * {@link FieldError}s, so a rejected save puts each message right under its field.
 */
public final class Form {
    private final GridPane grid = new GridPane();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, Node> inputs = new LinkedHashMap<>();
    private final Label general = new Label();
    private final List<FieldError> pending = new ArrayList<>();
    private final VBox box = new VBox(8, grid, general);
    private final ScrollPane scroll = new ScrollPane(box);
    private Dialog<?> dialog;
    private int row;

    public Form() {
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setMinWidth(260);
        c1.setPrefWidth(360);
        grid.getColumnConstraints().addAll(c0, c1);
        general.getStyleClass().add("field-error");
        general.setWrapText(true);
        general.setMinHeight(Region.USE_PREF_SIZE);
        general.prefWidthProperty().bind(grid.widthProperty());
        general.setManaged(false);
        general.setVisible(false);
        // the fields scroll when the screen is too low for all of them; the buttons below never leave the dialog
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("form-scroll", "edge-to-edge");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        box.setPadding(new javafx.geometry.Insets(2, 4, 2, 2));
    }

    public Node node() {
        return scroll;
    }

    public <T extends Node> T add(String field, T input) {
        return add(field, input, null);
    }

    /**
     * Adds a field with {@code hint} (how to fill it in) in small type under the input, wrapped to the input's
     * width — never cut like a long prompt text would be.
     */
    public <T extends Node> T add(String field, T input, String hint) {
        Label label = new Label(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        wrapUnder(error, input);
        error.setManaged(false);
        error.setVisible(false);
        if (input instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setAccessibleText(field);
        }
        input.setId(idFor(field));
        VBox cell = new VBox(2, input, error);
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add("field-hint");
            h.setId("hint-" + field);
            wrapUnder(h, input);
            cell.getChildren().add(1, h);
        }
        grid.add(label, 0, row);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
        grid.add(cell, 1, row);
        row++;
        errors.put(field, error);
        inputs.put(field, input);
        clearOnEdit(field, input);
        return input;
    }

    /** A label under {@code input} as wide as it, wrapping onto as many lines as it needs. */
    private static void wrapUnder(Label l, Node input) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        if (input instanceof Region r) {
            l.prefWidthProperty().bind(r.widthProperty());
        }
    }

    /** A field's error goes as soon as the clerk changes that field (the next 保存 checks everything again). */
    private void clearOnEdit(String field, Node input) {
        javafx.beans.InvalidationListener clear = o -> {
            Label l = errors.get(field);
            if (l != null && l.isVisible()) {
                setError(field, null);
            }
        };
        if (input instanceof TextInputControl t) {
            t.textProperty().addListener(clear);
        }
        if (input instanceof ComboBoxBase<?> c) {
            c.valueProperty().addListener(clear);
        }
        if (input instanceof ComboBox<?> c) {
            c.getEditor().textProperty().addListener(clear);
        }
        if (input instanceof DatePicker p) {
            p.getEditor().textProperty().addListener(clear);
        }
    }

    /** A stable node id for a field label, for tests: "field-姓名". */
    public static String idFor(String field) {
        return "field-" + field;
    }

    public void clearErrors() {
        errors.forEach((f, l) -> setError(f, null));
        general.setText("");
        general.setVisible(false);
        general.setManaged(false);
    }

    /** The error shown under {@code field}, or null. */
    public String errorOf(String field) {
        Label l = errors.get(field);
        return l == null || !l.isVisible() ? null : l.getText();
    }

    public void setError(String field, String message) {
        Label l = errors.get(field);
        if (l == null) {
            return;
        }
        boolean show = message != null && !message.isEmpty();
        l.setText(show ? message : "");
        l.setVisible(show);
        l.setManaged(show);
        Node input = inputs.get(field);
        if (input != null) {
            input.getStyleClass().remove("input-invalid");
            if (show) {
                input.getStyleClass().add("input-invalid");
            }
        }
    }

    /** Shows every error of {@code e}; ones for fields not on this form go in a line at the bottom. */
    public void show(ValidationException e) {
        show(e.errors());
    }

    /** Shows {@code list} (several errors of one field are joined); the dialog grows to show them all. */
    public void show(List<FieldError> list) {
        clearErrors();
        Map<String, String> byField = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder();
        for (FieldError fe : list) {
            if (errors.containsKey(fe.field())) {
                byField.merge(fe.field(), fe.message(), (a, b) -> a.equals(b) ? a : a + "；" + b);
            } else {
                rest.append(rest.isEmpty() ? "" : "\n").append(fe);
            }
        }
        byField.forEach(this::setError);
        if (!rest.isEmpty()) {
            general.setText(rest.toString());
            general.setVisible(true);
            general.setManaged(true);
        }
        if (dialog != null) {
            javafx.application.Platform.runLater(() -> Dialogs.fitHeight(dialog));
        }
        inputs.entrySet().stream().filter(en -> byField.containsKey(en.getKey())).findFirst()
                .ifPresent(en -> en.getValue().requestFocus());
    }

    /**
     * Reads a typed date during {@code collect} of {@link #bindSave}: a date that cannot be read is noted as that
     * field's error and null is returned, so the service still checks all the other fields in the same pass.
     */
    public LocalDate date(DatePicker p, String field) {
        try {
            return dateOf(p, field);
        } catch (ValidationException e) {
            pending.addAll(e.errors());
            return null;
        }
    }

    /** Notes a field the form itself could not read during {@code collect} (shown with the service's errors). */
    public void problem(String field, String message) {
        pending.add(new FieldError(field, message));
    }

    /** {@link #bindSave(Dialog, String, String, AppContext, Supplier, Consumer, Function)} without a separate check. */
    public <I> void bindSave(Dialog<Integer> dialog, String okText, String id, AppContext ctx, Supplier<I> collect,
                             Function<I, Integer> save) {
        bindSave(dialog, okText, id, ctx, collect, null, save);
    }

    /**
     * Makes {@code dialog}'s OK button collect the input on the FX thread, save it on the background
     * thread and close with the saved id; a rejected save shows its errors under the fields and keeps
     * the dialog (and everything typed) open. Every problem is shown at once: when the form itself could not
     * read a field ({@link #date}, {@link #problem}), nothing is saved, but {@code check} (the service's checks
     * without writing; may be null) still runs on the rest and its errors are shown together with the form's.
     * The buttons read {@code okText} and 取消.
     *
     * @param id node id of the OK button, for tests
     */
    public <I> void bindSave(Dialog<Integer> dialog, String okText, String id, AppContext ctx, Supplier<I> collect,
                             Consumer<I> check, Function<I, Integer> save) {
        this.dialog = dialog;
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, Dialogs.CANCEL);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId(id);
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            pending.clear();
            I input;
            try {
                input = collect.get();
            } catch (ValidationException v) {
                List<FieldError> all = new ArrayList<>(pending);
                all.addAll(v.errors());
                show(all);
                return;
            }
            List<FieldError> own = List.copyOf(pending);
            okButton.setDisable(true);
            if (!own.isEmpty()) {
                ctx.background().run(() -> {
                    if (check != null) {
                        try {
                            check.accept(input);
                        } catch (ValidationException v) {
                            return merge(own, v.errors());
                        }
                    }
                    return own;
                }, all -> {
                    okButton.setDisable(false);
                    show(all);
                }, err -> {
                    okButton.setDisable(false);
                    show(own);
                });
                return;
            }
            ctx.background().run(() -> save.apply(input), saved -> {
                dialog.setResult(saved);
                dialog.close();
            }, err -> {
                okButton.setDisable(false);
                if (err instanceof ValidationException v) {
                    show(v);
                } else {
                    Dialogs.error(dialog.getOwner(), err);
                }
            });
        });
        dialog.setResultConverter(b -> null);
        Dialogs.fit(dialog);
        DialogPane pane = dialog.getDialogPane();
        pane.setMinHeight(Region.USE_COMPUTED_SIZE);
        dialog.setOnShown(e -> {
            Dialogs.centerOnOwner(dialog);
            javafx.application.Platform.runLater(() -> {
            // once the window has its size: no taller than the screen, over the middle of the main window
                Dialogs.fitHeight(dialog);
                Dialogs.centerOnOwner(dialog);
            });
        });
    }

    /** The form's own errors first; the service's for the other fields. */
    static List<FieldError> merge(List<FieldError> own, List<FieldError> service) {
        List<FieldError> all = new ArrayList<>(own);
        for (FieldError fe : service) {
            if (own.stream().noneMatch(o -> o.field().equals(fe.field()))) {
                all.add(fe);
            }
        }
        return all;
    }

    /** A date picker that accepts typed dates in any usual spelling (2021/3/5, 2021年3月5日 …). */
    public static DatePicker datePicker() {
        DatePicker p = new DatePicker();
        p.setPromptText("如 2021-03-05");
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : Dates.iso(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return Dates.parse(s);
                } catch (UserException e) {
                    return null;
                }
            }
        });
        return p;
    }

    /** The date typed into {@code p}, committing text that was typed but not yet confirmed; throws with a reason. */
    public static LocalDate dateOf(DatePicker p, String field) {
        String text = p.getEditor().getText();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text);
        } catch (UserException e) {
            throw new ValidationException(field, e.getMessage());
        }
    }
}
