package org.taizhang.ui.exchange;

import java.util.List;
import javafx.scene.control.ComboBox;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;

/** An organisation in a drop-down, indented by its depth in the tree. */
record OrgChoice(Org org, String label) {
    @Override
    public String toString() {
        return label;
    }

    /** Fills {@code box} with the tree; {@code first} (e.g. "（自动对应）") as a non-organisation first entry when not null. */
    static void fill(ComboBox<Object> box, List<Org> orgs, String first) {
        if (first != null) {
            box.getItems().add(first);
        }
        for (OrgTree.Line l : new OrgTree(orgs).lines(null, o -> true)) {
            box.getItems().add(new OrgChoice(l.org(), "　".repeat(l.depth()) + l.org().name()));
        }
        box.getSelectionModel().selectFirst();
    }

    static Integer idOf(Object choice) {
        return choice instanceof OrgChoice c ? c.org().id() : null;
    }
}
