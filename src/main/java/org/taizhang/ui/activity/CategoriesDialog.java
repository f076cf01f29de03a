package org.taizhang.ui.activity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.Category;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/** The editable list of activity categories: add, rename, deactivate/activate, merge into another. */
final class CategoriesDialog extends Dialog<Void> {
    private final AppContext ctx;
    private final ActivityService service;
    private final ListView<Category> list = new ListView<>();
    private final Label status = new Label();

    CategoriesDialog(Window owner, AppContext ctx, ActivityService service) {
        this.ctx = ctx;
        this.service = service;
        initOwner(owner);
        setTitle("活动类别");
        setHeaderText("停用的类别保留在已有活动上，但新活动不能再选；合并会把活动移到另一类别并删除原类别。");
        list.setId("category-list");
        list.setPrefSize(360, 300);
        list.setMinHeight(200); // never squeezed to nothing by a small dialog window
        Button add = new Button("新增…");
        add.setOnAction(e -> ask("新增类别", "类别名称：", "").ifPresent(n -> run(() -> service.addCategory(n), "已新增“" + n + "”")));
        Button rename = new Button("改名…");
        rename.setOnAction(e -> selected().ifPresent(c -> ask("改名", "“" + c.name() + "”的新名称：", c.name())
                .ifPresent(n -> run(() -> {
                    service.renameCategory(c.id(), n);
                    return null;
                }, "已改名为“" + n + "”"))));
        Button toggle = new Button("停用/启用");
        toggle.setOnAction(e -> selected().ifPresent(c -> run(() -> {
            service.setCategoryActive(c.id(), !c.active());
            return null;
        }, (c.active() ? "已停用“" : "已启用“") + c.name() + "”")));
        Button merge = new Button("合并到…");
        merge.setOnAction(e -> selected().ifPresent(this::merge));
        for (Button b : List.of(rename, toggle, merge)) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        VBox box = new VBox(8, list, new HBox(8, add, rename, toggle, merge), status);
        box.setPadding(new Insets(4));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(new ButtonType("关闭", ButtonBar.ButtonData.CANCEL_CLOSE));
        load();
    }

    private Optional<Category> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog d = Dialogs.chinese(new TextInputDialog(initial));
        d.initOwner(getDialogPane().getScene().getWindow());
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    private void merge(Category from) {
        List<Category> targets = list.getItems().stream().filter(c -> c.id() != from.id()).toList();
        ChoiceDialog<Category> d = Dialogs.chinese(new ChoiceDialog<>(targets.isEmpty() ? null : targets.getFirst(), targets));
        d.initOwner(getDialogPane().getScene().getWindow());
        d.setTitle("合并类别");
        d.setHeaderText("把“" + from.name() + "”的全部活动移到哪个类别？移完后“" + from.name() + "”将被删除。");
        d.setContentText("目标类别：");
        d.showAndWait().ifPresent(into -> run(() -> service.mergeCategory(from.id(), into.id()),
                "已把“" + from.name() + "”并入“" + into.name() + "”"));
    }

    private <T> void run(Callable<T> work, String done) {
        ctx.background().run(work, r -> {
            status.setText(done);
            ctx.dataChanged();
            load();
        }, err -> Dialogs.error(getDialogPane().getScene().getWindow(), err));
    }

    private void load() {
        ctx.background().run(() -> service.categories(true), items -> list.getItems().setAll(items));
    }
}
