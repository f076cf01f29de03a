package org.taizhang.ui.summary;

import static org.taizhang.ui.Controls.button;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.ui.OrgPicker;
import org.taizhang.common.UserException;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;
import org.taizhang.common.Numbers;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryContent;
import org.taizhang.report.SummaryService;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.report.ThemeService;
import org.taizhang.stats.Period;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Controls;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.UiPrefs;

/**
 * 工作总结: choose organisation (with its subtree), period and template, draft from the records,
 * edit every section's text, refresh the figures, save, and export a GB/T 9704 Word document.
 * One paragraph per line; a line "（一）…" starts a subsection, "一是…" is an item with a bold lead.
 */
public final class SummaryTab implements AppTab {
    public static final String TITLE = "工作总结";
    private static final String ZERO_ROWS_KEY = "summary.zeroRows";
    private final AppContext ctx;
    private final SummaryComposer composer;
    private final SummaryService store;
    private final Tab tab;
    private final ComboBox<Org> orgBox = OrgPicker.orgs("summary-org");
    private final TextField period = new TextField();
    private final ComboBox<SummaryTemplate> template = new ComboBox<>(FXCollections.observableArrayList(SummaryTemplate.values()));
    private final CheckBox withStats = new CheckBox("附分类统计表");
    private final CheckBox withHonors = new CheckBox("附荣誉名单");
    private final CheckBox withActivities = new CheckBox("附特色活动表");
    /** The CLI's {@code --zero-rows}: the statistics table keeps the categories with nothing in the period. */
    private final CheckBox zeroRows = new CheckBox("保留为零的行");
    private final ComboBox<SummaryService.Saved> savedBox = new ComboBox<>();
    private final ComboBox<org.taizhang.plan.Plan> planBox = new ComboBox<>();
    private final TextField title = new TextField();
    private final VBox partsBox = new VBox(10);
    private final TextField signOrg = new TextField();
    private final DatePicker signDate = Form.datePicker();
    private final Label message = new Label();
    private final List<TextField> headings = new ArrayList<>();
    private final List<TextArea> texts = new ArrayList<>();
    /** The clerk changed the draft since it was drafted, opened or saved. */
    private boolean edited;
    private boolean showing;
    /** Parts the clerk has not looked at since they were drafted (by index); export warns about them. */
    private final java.util.Set<Integer> unseen = new java.util.TreeSet<>();
    private SummaryContent content;
    private Integer savedId;

    public SummaryTab(AppContext ctx) {
        this.ctx = ctx;
        this.composer = new SummaryComposer(ctx.db());
        this.store = new SummaryService(ctx.db());
        orgBox.setId("summary-org");
        orgBox.setPromptText("组织（含下级）");
        Controls.showAs(orgBox, Org::name);
        period.setId("summary-period");
        period.setPromptText("时段：2021年上半年、2021年、2021年第三季度，或 2021-03-01至2021-05-31");
        period.setPrefColumnCount(16);
        template.setId("summary-template");
        template.setValue(SummaryTemplate.SUMMARY);
        withStats.setId("summary-with-stats");
        withHonors.setId("summary-with-honors");
        withActivities.setId("summary-with-activities");
        zeroRows.setId("summary-zero-rows");
        zeroRows.setTooltip(new Tooltip("分类统计表中保留本时段没有活动的类别（不勾选时省略这些行）"));
        zeroRows.setSelected(Boolean.parseBoolean(UiPrefs.get(ZERO_ROWS_KEY, "false")));
        zeroRows.disableProperty().bind(withStats.selectedProperty().not());
        zeroRows.selectedProperty().addListener((o, a, b) -> UiPrefs.put(ZERO_ROWS_KEY, String.valueOf(b)));
        planBox.setId("summary-plan");
        planBox.setPromptText("计划：自动选择");
        planBox.setTooltip(new Tooltip("“下一步工作计划”（或“工作计划”模板）所用的计划；不选则自动取该组织下一时段的计划"));
        orgBox.valueProperty().addListener((o, a, b) -> loadPlans(b));
        savedBox.setId("summary-saved");
        savedBox.setPromptText("已保存的总结");
        title.setId("summary-title");
        signOrg.setId("summary-sign-org");
        signDate.setId("summary-sign-date");
        message.setId("summary-message");
        message.setWrapText(true);

        Button generate = button("生成草稿", "summary-generate", this::generate);
        Button open = button("打开", "summary-open", this::openSaved);
        Button delete = button("删除", "summary-delete", this::deleteSaved);
        Button refresh = button("刷新数字", "summary-refresh", this::refresh);
        refresh.setTooltip(new Tooltip("按台账重新统计，把正文中自动生成的数字换成最新的；自己写的文字不动"));
        Button save = button("保存", "summary-save", this::save);
        Button export = button("导出 Word…", "summary-export", this::exportChosen);
        Button themes = button("主题设置…", "summary-themes", this::editThemes);
        themes.setTooltip(new Tooltip("“工作开展情况”的小标题，以及每个活动类别写在哪个小标题下；保存后每次生成都沿用"));

        // two rows at 1280 px: what to draft, then the appendices and the saved summaries
        FlowPane choose = new FlowPane(8, 8, new Label("组织"), orgBox, new Label("时段"), period, new Label("模板"), template, planBox,
                generate, themes);
        choose.setRowValignment(javafx.geometry.VPos.CENTER);
        HBox appendixRow = new HBox(8, new Label("附件"), withStats, zeroRows, withHonors, withActivities);
        appendixRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox savedRow = new HBox(8, appendixRow, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("已保存"), savedBox, open, delete);
        savedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox actions = new HBox(8, refresh, save, export);
        VBox top = new VBox(8, choose, savedRow);
        top.setPadding(new Insets(8));

        partsBox.setPadding(new Insets(8));
        Label hint = new Label("每行一段；“（一）……”开头的行是小标题，“一是……”开头的行是条目（第一句加粗）。数字由台账生成，点“刷新数字”可更新。");
        hint.setWrapText(true);
        VBox editor = new VBox(8, new Label("标题"), title, hint, partsBox,
                new HBox(8, new Label("落款单位"), signOrg, new Label("日期"), signDate));
        editor.setPadding(new Insets(8));
        HBox.setHgrow(signOrg, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        BorderPane root = new BorderPane(scroll);
        root.setTop(top);
        VBox bottom = new VBox(4, actions, message);
        bottom.setPadding(new Insets(8));
        root.setBottom(bottom);
        tab = new Tab(TITLE, root);
        tab.setClosable(false);
        title.textProperty().addListener((o, was, now) -> edited());
        signOrg.textProperty().addListener((o, was, now) -> edited());
        signDate.valueProperty().addListener((o, was, now) -> edited());
        showContent(null);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void reload() {
        record Loaded(List<Org> all, List<SummaryService.Saved> saved) {
        }
        ctx.background().run(() -> new Loaded(ctx.orgs().listAll(), store.list(null)), r -> {
            List<Org> all = r.all();
            List<SummaryService.Saved> saved = r.saved();
            OrgTree tree = new OrgTree(all);
            List<Org> ordered = tree.lines(null, o -> true).stream().map(OrgTree.Line::org).toList();
            Org keep = orgBox.getValue();
            orgBox.getItems().setAll(ordered);
            orgBox.setValue(keep != null ? tree.get(keep.id()) : ordered.isEmpty() ? null : ordered.getFirst());
            savedBox.getItems().setAll(saved);
        }, this::showError);
    }

    private void loadPlans(Org o) {
        planBox.getItems().clear();
        if (o == null) {
            return;
        }
        ctx.background().run(() -> composer.plansOf(o.id()), list -> {
            planBox.getItems().setAll(list);
            planBox.getItems().addFirst(null);
            planBox.setValue(null);
        }, this::showError);
    }

    private List<String> appendixChoice() {
        List<String> a = new ArrayList<>();
        if (withStats.isSelected()) {
            a.add("stats");
        }
        if (withHonors.isSelected()) {
            a.add("honors");
        }
        if (withActivities.isSelected()) {
            a.add("activities");
        }
        return a;
    }

    /** Drafts from the records for the chosen organisation, period and template. */
    public void generate() {
        Org o = orgBox.getValue();
        if (o == null) {
            message.setText("请先选择组织");
            return;
        }
        Period p;
        try {
            p = Period.parse(period.getText());
        } catch (UserException e) {
            message.setText("时段：" + e.getMessage());
            return;
        }
        SummaryTemplate t = template.getValue() == null ? SummaryTemplate.SUMMARY : template.getValue();
        List<String> appendices = appendixChoice();
        Integer planId = planBox.getValue() == null ? null : planBox.getValue().id();
        message.setText("正在统计并起草…");
        boolean zero = zeroRows.isSelected();
        ctx.background().run(() -> composer.draft(o.id(), p.from(), p.to(), t, planId).withAppendices(appendices).withZeroRows(zero), c -> {
            savedId = null;
            showContent(c);
            for (int i = 0; i < c.parts().size(); i++) {
                unseen.add(i);
            }
            message.setText("已生成草稿：" + c.title() + "（" + Numbers.periodTitle(c.from(), c.to()) + "，含下级组织）");
        }, this::showError);
    }

    private void showContent(SummaryContent c) {
        showing = true;
        try {
            fill(c);
        } finally {
            showing = false;
        }
        edited = false;
    }

    /** Marks the draft as changed by the clerk (not while {@link #showContent} fills the fields). */
    private void edited() {
        if (!showing) {
            edited = true;
        }
    }

    @Override
    public String unsavedWork() {
        return content != null && edited ? "工作总结“" + title.getText() + "”" : null;
    }

    private void fill(SummaryContent c) {
        content = c;
        unseen.clear();
        partsBox.getChildren().clear();
        headings.clear();
        texts.clear();
        boolean none = c == null;
        title.setDisable(none);
        signOrg.setDisable(none);
        signDate.setDisable(none);
        if (none) {
            title.clear();
            partsBox.getChildren().add(new Label("选择组织、时段和模板后点“生成草稿”，或打开已保存的总结。"));
            return;
        }
        title.setText(c.title());
        signOrg.setText(c.signOrg() == null ? "" : c.signOrg());
        signDate.setValue(c.signDate());
        int numbered = 0;
        for (SummaryContent.Part p : c.parts()) {
            boolean opening = p.heading().isBlank();
            // ids follow the document's numbers: part-0 is the 总述, part-1 is 一、, part-2 is 二、…
            int n = opening ? 0 : numbered + 1;
            TextField h = new TextField(p.heading());
            h.setId("summary-heading-" + n);
            TextArea a = new TextArea(p.text());
            a.setId("summary-part-" + n);
            a.setWrapText(true);
            a.setPrefRowCount(Math.max(4, Math.min(16, p.paras().size() * 2)));
            int index = texts.size();
            // looked at: the clerk clicked into the text (or edited it)
            a.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    unseen.remove(index);
                }
            });
            h.textProperty().addListener((o, was, now) -> edited());
            a.textProperty().addListener((o, was, now) -> edited());
            headings.add(h);
            texts.add(a);
            if (opening) {
                // the 总述 before 一、: no heading of its own
                h.setVisible(false);
                h.setManaged(false);
                partsBox.getChildren().add(new VBox(4, new Label("总述（标题下的开头一段）"), h, a));
            } else {
                numbered++;
                partsBox.getChildren().add(new VBox(4, new HBox(6, new Label(Numbers.ordinal(numbered) + "、"), h), a));
                HBox.setHgrow(h, Priority.ALWAYS);
            }
        }
        withStats.setSelected(c.appendices().contains("stats"));
        withHonors.setSelected(c.appendices().contains("honors"));
        withActivities.setSelected(c.appendices().contains("activities"));
        zeroRows.setSelected(c.zeroRows());
    }

    /** The draft with the user's edits (linked figures kept where the numbers are still there). */
    public SummaryContent collect() {
        if (content == null) {
            return null;
        }
        List<SummaryContent.Part> parts = new ArrayList<>();
        for (int i = 0; i < content.parts().size(); i++) {
            parts.add(SummaryComposer.edit(content.parts().get(i), headings.get(i).getText(), texts.get(i).getText(), content.figures()));
        }
        return content.withParts(parts).withTitle(title.getText(), signOrg.getText(), signDate.getValue()).withAppendices(appendixChoice())
                .withZeroRows(zeroRows.isSelected());
    }

    private void refresh() {
        SummaryContent c = collect();
        if (c == null) {
            message.setText("请先生成草稿或打开已保存的总结");
            return;
        }
        ctx.background().run(() -> composer.refresh(c), r -> {
            showContent(r);
            message.setText("数字已按台账刷新（自己写的文字未改动）");
        }, this::showError);
    }

    /** Saves to the database (a new summary the first time, the same one afterwards). */
    public void save() {
        save(null);
    }

    /** {@link #save()}, then {@code then} once it is saved (Ctrl+S, and the question before closing). */
    @Override
    public void save(Runnable then) {
        SummaryContent c = collect();
        if (c == null) {
            message.setText("请先生成草稿");
            return;
        }
        Integer id = savedId;
        record Saved(int id, List<SummaryService.Saved> saved) {
        }
        ctx.background().run(() -> {
            int newId = store.save(id, c);
            return new Saved(newId, store.list(null));
        }, r -> {
            savedId = r.id();
            content = c;
            edited = false;
            List<SummaryService.Saved> saved = r.saved();
            savedBox.getItems().setAll(saved);
            if (then != null) {
                then.run();
            }
            message.setText("已保存：" + c.title());
        }, this::showError);
    }

    private void openSaved() {
        SummaryService.Saved s = savedBox.getValue();
        if (s == null) {
            message.setText("请先在“已保存”中选择一份总结");
            return;
        }
        ctx.background().run(() -> store.require(s.id()), c -> {
            savedId = s.id();
            showContent(c);
            period.setText(Period.custom(c.from(), c.to()).code());
            template.setValue(c.template());
            message.setText("已打开：" + c.title());
        }, this::showError);
    }

    private void deleteSaved() {
        SummaryService.Saved s = savedBox.getValue();
        if (s == null) {
            message.setText("请先在“已保存”中选择一份总结");
            return;
        }
        if (!org.taizhang.ui.Dialogs.confirm(window(), "删除总结“" + s.title() + "”？", "删除后无法恢复。")) {
            return;
        }
        ctx.background().run(() -> {
            store.delete(s.id());
            return store.list(null);
        }, list -> {
            savedBox.getItems().setAll(list);
            if (savedId != null && savedId == s.id()) {
                savedId = null;
            }
            message.setText("已删除");
        }, this::showError);
    }

    private javafx.stage.Window window() {
        return org.taizhang.ui.Prompts.windowOf(tab);
    }

    /** The parts drafted by the program that the clerk has not clicked into yet ("二、存在问题"…). */
    public List<String> unseenParts() {
        List<String> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        int numbered = 0;
        for (int i = 0; i < content.parts().size(); i++) {
            SummaryContent.Part p = content.parts().get(i);
            String name = p.heading().isBlank() ? "总述" : Numbers.ordinal(++numbered) + "、" + p.heading();
            if (unseen.contains(i)) {
                out.add(name);
            }
        }
        return out;
    }

    private void exportChosen() {
        if (content == null) {
            message.setText("请先生成草稿");
            return;
        }
        List<String> notSeen = unseenParts();
        if (!notSeen.isEmpty() && !Dialogs.confirm(window(), "还有部分没有看过",
                "以下部分是按台账自动起草的，您还没有查看或修改：" + String.join("；", notSeen) + "。\n导出前建议逐段看一遍。仍要导出吗？")) {
            message.setText("未导出：请先查看 " + String.join("；", notSeen));
            return;
        }
        var f = Dialogs.saveAs(window(), "导出为 Word", title.getText().strip() + ".docx", Dialogs.WORD);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes the edited draft to {@code file} as a GB/T 9704 document. */
    public void exportTo(Path file) {
        SummaryContent c = collect();
        if (c == null) {
            message.setText("请先生成草稿");
            return;
        }
        ctx.background().run(() -> {
            composer.export(c, file);
            return file;
        }, f -> {
            message.setText("已导出：" + f);
            Dialogs.exported(window(), "工作总结已导出为 Word", f);
        }, this::showError);
    }

    /** 主题设置: loads the themes in the background, lets the clerk edit them, saves in the background. */
    private void editThemes() {
        ThemeService themes = new ThemeService(ctx.db());
        ctx.background().run(() -> new Object[] {themes.themes(), new org.taizhang.plan.PlanService(ctx.db()).categories()}, r -> {
            @SuppressWarnings("unchecked")
            List<ThemeService.Theme> all = (List<ThemeService.Theme>) r[0];
            @SuppressWarnings("unchecked")
            java.util.Map<Integer, String> cats = (java.util.Map<Integer, String>) r[1];
            ThemeDialog d = new ThemeDialog(window(), all, List.copyOf(cats.values()));
            d.dialog().showAndWait().filter(ch -> !ch.isEmpty()).ifPresent(ch -> saveThemes(themes, all, ch));
        }, this::showError);
    }

    void saveThemes(ThemeService themes, List<ThemeService.Theme> all, ThemeDialog.Changes ch) {
        ctx.background().run(() -> {
            for (var e : ch.headings().entrySet()) {
                ThemeService.Theme t = all.stream().filter(x -> x.id() == e.getKey()).findFirst().orElseThrow();
                themes.edit("#" + t.id(), new ThemeService.ThemeInput(e.getValue(), t.lead(), t.withHonors(), t.withOrgWork()));
            }
            for (var e : ch.categories().entrySet()) {
                themes.assign(e.getKey(), "#" + e.getValue());
            }
            return ch.headings().size() + ch.categories().size();
        }, n -> message.setText("主题设置已保存（" + n + " 处改动），重新“生成草稿”即按新主题分段"), this::showError);
    }

    private void showError(Throwable e) {
        message.setText(Dialogs.inlineText(e));
    }

    public Label messageLabel() {
        return message;
    }
}
