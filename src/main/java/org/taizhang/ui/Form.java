package org.taizhang.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
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
    private int row;

    public Form() {
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(80);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setMinWidth(260);
        grid.getColumnConstraints().addAll(c0, c1);
        general.getStyleClass().add("field-error");
        general.setWrapText(true);
        general.setManaged(false);
        general.setVisible(false);
    }

    public Node node() {
        return new VBox(8, grid, general);
    }

    public <T extends Node> T add(String field, T input) {
        Label label = new Label(field);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        if (input instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setAccessibleText(field);
        }
        input.setId(idFor(field));
        grid.add(label, 0, row);
        grid.add(new VBox(2, input, error), 1, row);
        row++;
        errors.put(field, error);
        inputs.put(field, input);
        return input;
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
        clearErrors();
        StringBuilder rest = new StringBuilder();
        for (FieldError fe : e.errors()) {
            if (errors.containsKey(fe.field())) {
                setError(fe.field(), fe.message());
            } else {
                rest.append(rest.isEmpty() ? "" : "\n").append(fe);
            }
        }
        if (!rest.isEmpty()) {
            general.setText(rest.toString());
            general.setVisible(true);
            general.setManaged(true);
        }
    }

    /**
     * Makes {@code dialog}'s OK button collect the input on the FX thread, save it on the background
     * thread and close with the saved id; a rejected save shows its errors under the fields and keeps
     * the dialog (and everything typed) open.
     *
     * @param id node id of the OK button, for tests
     */
    public <I> void bindSave(javafx.scene.control.Dialog<Integer> dialog, String okText, String id, AppContext ctx,
                             java.util.function.Supplier<I> collect, java.util.function.Function<I, Integer> save) {
        javafx.scene.control.ButtonType ok = new javafx.scene.control.ButtonType(okText,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.control.Button okButton = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId(id);
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            I input;
            try {
                input = collect.get();
            } catch (ValidationException v) {
                show(v);
                return;
            }
            okButton.setDisable(true);
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
