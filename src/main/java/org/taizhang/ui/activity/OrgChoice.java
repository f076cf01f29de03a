package org.taizhang.ui.activity;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.taizhang.org.OrgTree;

/**
 * An entry of the organisation picker ({@link org.taizhang.ui.OrgPicker#choices}) wherever a list, a form or a
 * dialog asks for an organisation: the tree flattened, indented by depth; {@code id == null} is a leading
 * non-organisation entry such as 全部组织 or （按名称自动对应）.
 */
public record OrgChoice(Integer id, String name, int depth) {
    public static final OrgChoice ALL = new OrgChoice(null, "全部组织", 0);

    @Override
    public String toString() {
        return name;
    }

    /** The tree in display order, optionally led by {@link #ALL}. */
    public static List<OrgChoice> of(OrgTree tree, boolean withAll) {
        return of(tree, withAll ? ALL : null);
    }

    /** The tree in display order, led by {@code lead} (an entry without organisation) when not null. */
    public static List<OrgChoice> of(OrgTree tree, OrgChoice lead) {
        List<OrgChoice> out = new ArrayList<>();
        if (lead != null) {
            out.add(lead);
        }
        for (OrgTree.Line l : tree.lines(null, o -> true)) {
            out.add(new OrgChoice(l.org().id(), l.org().name(), l.depth()));
        }
        return out;
    }

    /** A leading entry that is no organisation, e.g. （按名称自动对应）. */
    public static OrgChoice none(String label) {
        return new OrgChoice(null, label, 0);
    }

    /** The organisation id of {@code c}, null for none or a leading entry. */
    public static Integer idOf(OrgChoice c) {
        return c == null ? null : c.id();
    }

    /** The entry of {@code box} for organisation {@code id}, if listed. */
    public static java.util.Optional<OrgChoice> find(ComboBox<OrgChoice> box, int id) {
        return box.getItems().stream().filter(c -> c.id() != null && c.id() == id).findFirst();
    }

    /** Shows the entries indented in the drop-down list and plain in the box. */
    public static void decorate(ComboBox<OrgChoice> box) {
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(OrgChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "　".repeat(item.depth()) + item.name());
            }
        });
        box.setVisibleRowCount(18);
    }

    /** Sets up {@code box} as a 组织 filter of a list tab: decorated, 220 wide, {@code onChange} on every choice. */
    public static void setUpFilter(ComboBox<OrgChoice> box, String id, Runnable onChange) {
        box.setId(id);
        decorate(box);
        box.setPrefWidth(220);
        box.valueProperty().addListener((o, a, b) -> onChange.run());
    }

    /** Re-fills {@code box} keeping the selected organisation when it still exists. */
    public static void refill(ComboBox<OrgChoice> box, List<OrgChoice> items, boolean selectFirst) {
        OrgChoice old = box.getValue();
        box.getItems().setAll(items);
        box.setValue(keep(old, items, selectFirst));
    }

    /** The entry of {@code items} for the organisation of {@code old}; else the first ({@code selectFirst}) or null. */
    public static OrgChoice keep(OrgChoice old, List<OrgChoice> items, boolean selectFirst) {
        OrgChoice same = old == null ? null : items.stream().filter(c -> java.util.Objects.equals(c.id(), old.id())).findFirst().orElse(null);
        if (same != null) {
            return same;
        }
        return selectFirst && !items.isEmpty() ? items.getFirst() : null;
    }
}
