package org.taizhang.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.layout.HBox;

/** Small control factories the tabs share. */
public final class Controls {
    private Controls() {
    }

    /** A button with a node id (the tests look it up by id) that runs {@code action} when pressed. */
    public static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        // a button keeps its whole text: a long message next to it wraps or shrinks instead (no 「删除…」)
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows each item of {@code box} as {@code text} of it, both in the drop-down list and in the box. */
    public static <T> void showAs(ComboBox<T> box, Function<? super T, String> text) {
        box.setCellFactory(lv -> new TextCell<>(text));
        box.setButtonCell(new TextCell<>(text));
    }

    private static final class TextCell<T> extends ListCell<T> {
        private final Function<? super T, String> text;

        TextCell(Function<? super T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }

    /** A read-only table column showing {@code value} of each row. */
    public static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** A read-only table column showing {@code value} of each row, {@code width} wide. */
    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = column(title, value);
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Makes {@code c} at least as wide as the widest value its rows have shown, measured with the cells' own
     * font and padding — for dates, date ranges and figures, which are no use cut to “…”.
     */
    public static <S, T> TableColumn<S, T> fitToContent(TableColumn<S, T> c) {
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                widen(this, getTableColumn());
            }
        });
        return c;
    }

    /** {@link #fitToContent(TableColumn)} for a column of a tree table. */
    public static <S, T> TreeTableColumn<S, T> fitToContent(TreeTableColumn<S, T> c) {
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                widen(this, getTableColumn());
            }
        });
        return c;
    }

    /**
     * Keeps the title of {@code c} whole however narrow the table gets (a shared, constrained table shrinks
     * its columns): the column is never narrower than its title in the tables' 14 px type.
     */
    public static <C extends TableColumnBase<?, ?>> C titleFits(C c) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
        t.setFont(javafx.scene.text.Font.font(14));
        c.setMinWidth(Math.max(c.getMinWidth(), Math.ceil(t.getLayoutBounds().getWidth()) + 16));
        return c;
    }

    private static void widen(Labeled cell, TableColumnBase<?, ?> column) {
        if (column == null || cell.getText() == null || cell.getText().isEmpty()) {
            return;
        }
        // a table cell's preferred width is its column's: measure the text in the cell's font, add its padding
        javafx.scene.text.Text t = new javafx.scene.text.Text(cell.getText());
        t.setFont(cell.getFont());
        double need = Math.ceil(t.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset()) + 2;
        if (need > column.getMinWidth()) {
            column.setMinWidth(need);
            if (column.getPrefWidth() < need) {
                column.setPrefWidth(need);
            }
        }
    }

    /**
     * A filter label with its control(s), kept together: in a wrapping filter row a label never ends one line
     * while its drop-down starts the next.
     */
    public static HBox labeled(String label, Node... controls) {
        HBox box = new HBox(6, new Label(label));
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
