package org.taizhang.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.taizhang.common.Pinyin;
import org.taizhang.org.Org;
import org.taizhang.ui.activity.OrgChoice;

/**
 * The one organisation picker of the window: a combo box whose drop-down is a search field over the
 * organisation tree — type part of the name or its pinyin initials (the roster's {@link Pinyin}
 * search, “yljd” finds 园岭街道…), each match shows where it sits (“示范区群团工作部 / 示范区总工会”);
 * ↑/↓ and Enter pick, Esc closes. Typing on the closed picker opens the search with that letter.
 * The items stay in tree order; the value, items and listeners are those of an ordinary ComboBox.
 */
public final class OrgPicker<T> extends ComboBox<T> {
    /** One line of the drop-down: the item, its depth, and the names of its ancestors. */
    public record Line<T>(T item, int depth, String path) {
    }

    private final Function<T, String> name;
    private final Function<List<T>, Map<T, Integer>> depths;
    private final Popup popup = new Popup();
    private final TextField search = new TextField();
    private final ListView<Line<T>> list = new ListView<>();

    private OrgPicker(Function<T, String> name, Function<List<T>, Map<T, Integer>> depths) {
        this.name = name;
        this.depths = depths;
        getStyleClass().add("org-picker");
        setVisibleRowCount(18);
        setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        });
        setButtonCell(getCellFactory().call(null));
        search.setPromptText("输入名称或拼音首字母，如 yljd");
        search.setId("org-picker-search");
        list.setId("org-picker-list");
        list.setPrefHeight(420);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Line<T> line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean filtering = search.getText() != null && !search.getText().isBlank();
                if (filtering && !line.path().isEmpty()) {
                    Label where = new Label(line.path());
                    where.getStyleClass().add("detail-label");
                    setText(null);
                    setGraphic(new VBox(new Label(name.apply(line.item())), where));
                } else {
                    setGraphic(null);
                    setText("　".repeat(filtering ? 0 : line.depth()) + name.apply(line.item()));
                }
            }
        });
        search.textProperty().addListener((o, a, b) -> refilter());
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                list.getSelectionModel().select(Math.max(0, Math.min(list.getItems().size() - 1, i)));
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                pick(list.getSelectionModel().getSelectedItem() != null ? list.getSelectionModel().getSelectedItem()
                        : list.getItems().isEmpty() ? null : list.getItems().getFirst());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> pick(list.getSelectionModel().getSelectedItem()));
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox box = new VBox(6, search, list);
        box.setPadding(new Insets(6));
        box.getStyleClass().add("org-picker-popup");
        box.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 10, 0, 0, 3);");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setOnHidden(e -> super.hide());
        // typing on the closed picker starts a search with that letter
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if (!popup.isShowing() && c != null && !c.isBlank() && c.charAt(0) >= ' ' && !e.isControlDown() && !e.isAltDown()) {
                show();
                search.setText(c);
                search.positionCaret(c.length());
                e.consume();
            }
        });
        getItems().addListener((InvalidationListener) o -> {
            if (popup.isShowing()) {
                refilter();
            }
        });
    }

    /** A picker of {@link OrgChoice} (the depth is the choice's own; 全部组织 leads where present). */
    public static OrgPicker<OrgChoice> choices(String id) {
        OrgPicker<OrgChoice> p = new OrgPicker<>(OrgChoice::name, items -> {
            Map<OrgChoice, Integer> d = new IdentityHashMap<>();
            items.forEach(c -> d.put(c, c.depth()));
            return d;
        });
        p.setId(id);
        return p;
    }

    /** A picker of {@link Org} in tree order (depths follow from the parents among the items). */
    public static OrgPicker<Org> orgs(String id) {
        OrgPicker<Org> p = new OrgPicker<>(Org::name, items -> {
            Map<Integer, Integer> byId = new java.util.HashMap<>();
            Map<Org, Integer> d = new IdentityHashMap<>();
            for (Org o : items) {
                int depth = o.parentId() != null && byId.containsKey(o.parentId()) ? byId.get(o.parentId()) + 1 : 0;
                byId.put(o.id(), depth);
                d.put(o, depth);
            }
            return d;
        });
        p.setId(id);
        return p;
    }

    /**
     * The lines of {@code items} (in tree order, with {@code depths}) that match {@code query} by name
     * or pinyin initials, each with the path of its ancestors; all of them when the query is blank.
     */
    public static <T> List<Line<T>> filter(List<T> items, Function<T, String> name, Map<T, Integer> depths, String query) {
        var matcher = Pinyin.matcher(query);
        List<Line<T>> out = new ArrayList<>();
        List<String> ancestors = new ArrayList<>();
        for (T item : items) {
            int depth = depths.getOrDefault(item, 0);
            while (ancestors.size() > depth) {
                ancestors.removeLast();
            }
            if (matcher.test(name.apply(item))) {
                out.add(new Line<>(item, depth, String.join(" / ", ancestors)));
            }
            while (ancestors.size() < depth) {
                ancestors.add("");
            }
            ancestors.add(name.apply(item));
        }
        return out;
    }

    /** The lines the drop-down shows now. */
    public List<Line<T>> shownLines() {
        return list.getItems();
    }

    /** The search field of the drop-down (tests type into it). */
    public TextField searchField() {
        return search;
    }

    private void refilter() {
        List<T> items = List.copyOf(getItems());
        list.getItems().setAll(filter(items, name, depths.apply(items), search.getText()));
        T value = getValue();
        int at = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).item() == value) {
                at = i;
            }
        }
        if (search.getText() != null && !search.getText().isBlank() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        } else if (at >= 0) {
            list.getSelectionModel().select(at);
            list.scrollTo(Math.max(0, at - 3));
        }
    }

    private void pick(Line<T> line) {
        if (line != null) {
            setValue(line.item());
        }
        hide();
    }

    @Override
    public void show() {
        if (isDisabled() || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        search.clear();
        refilter();
        Bounds b = localToScreen(getBoundsInLocal());
        if (b == null) {
            return;
        }
        ((VBox) popup.getContent().getFirst()).setPrefWidth(Math.max(getWidth(), 380));
        popup.show(getScene().getWindow(), b.getMinX(), b.getMaxY());
        search.requestFocus();
    }

    @Override
    public void hide() {
        if (popup.isShowing()) {
            popup.hide();
        }
        super.hide();
    }

    /** Whether the search drop-down is open. */
    public boolean searching() {
        return popup.isShowing();
    }
}
