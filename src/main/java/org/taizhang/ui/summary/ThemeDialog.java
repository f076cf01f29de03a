package org.taizhang.ui.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.common.Numbers;
import org.taizhang.report.ThemeService;
import org.taizhang.ui.Dialogs;

/**
 * 主题设置: the office's headings for 工作开展情况 (editable) and, for every activity category, the heading
 * it is written under. Built from what the caller loaded in the background; returns the changes, which
 * the caller saves in the background too (the FX thread never touches the database).
 */
final class ThemeDialog {
    /** What the clerk changed: theme id → new heading; category name → theme id. */
    record Changes(Map<Integer, String> headings, Map<String, Integer> categories) {
        boolean isEmpty() {
            return headings.isEmpty() && categories.isEmpty();
        }
    }

    private final Dialog<Changes> dialog = new Dialog<>();
    private final List<TextField> headings = new ArrayList<>();
    private final Map<String, ComboBox<ThemeService.Theme>> choices = new LinkedHashMap<>();

    ThemeDialog(Window owner, List<ThemeService.Theme> themes, List<String> categories) {
        dialog.initOwner(owner);
        dialog.setTitle("总结主题设置");
        dialog.setHeaderText("“工作开展情况”按这些主题分段：每个活动类别写在所选主题下，没有内容的主题不写。");
        GridPane heads = new GridPane();
        heads.setHgap(8);
        heads.setVgap(6);
        int row = 0;
        for (ThemeService.Theme t : themes) {
            TextField h = new TextField(t.heading());
            h.setId("theme-heading-" + t.id());
            h.setPrefColumnCount(28);
            headings.add(h);
            String extra = (t.withOrgWork() ? "含组织建设" : "") + (t.withHonors() ? "含荣誉表彰" : "");
            heads.addRow(row++, new Label("（" + Numbers.ordinal(row) + "）"), h, new Label(extra));
            GridPane.setHgrow(h, Priority.ALWAYS);
        }
        GridPane cats = new GridPane();
        cats.setHgap(8);
        cats.setVgap(6);
        row = 0;
        for (String c : categories) {
            ComboBox<ThemeService.Theme> box = new ComboBox<>();
            box.setId("theme-of-" + c);
            box.getItems().setAll(themes);
            themes.stream().filter(t -> t.categories().containsValue(c)).findFirst().ifPresent(box::setValue);
            box.setPromptText("写在“其他”所在主题下");
            choices.put(c, box);
            cats.addRow(row++, new Label(c), box);
        }
        VBox content = new VBox(10, new Label("主题（小标题可直接修改）"), heads, new Label("活动类别归入的主题"), cats);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(480);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().setAll(Dialogs.OK, Dialogs.CANCEL);
        dialog.setResultConverter(b -> b == Dialogs.OK ? changes(themes) : null);
        Dialogs.fit(dialog);
    }

    Changes changes(List<ThemeService.Theme> themes) {
        Map<Integer, String> h = new LinkedHashMap<>();
        for (int i = 0; i < themes.size(); i++) {
            String now = headings.get(i).getText() == null ? "" : headings.get(i).getText().strip();
            if (!now.equals(themes.get(i).heading())) {
                h.put(themes.get(i).id(), now);
            }
        }
        Map<String, Integer> c = new LinkedHashMap<>();
        for (var e : choices.entrySet()) {
            ThemeService.Theme chosen = e.getValue().getValue();
            ThemeService.Theme before = themes.stream().filter(t -> t.categories().containsValue(e.getKey())).findFirst().orElse(null);
            if (chosen != null && (before == null || before.id() != chosen.id())) {
                c.put(e.getKey(), chosen.id());
            }
        }
        return new Changes(h, c);
    }

    Dialog<Changes> dialog() {
        return dialog;
    }
}
