package org.taizhang.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** 帮助 → 使用说明 (a short guide from the README's sections for the clerk) and 快捷键. */
public final class HelpWindows {
    /** Every keyboard shortcut of the window: key, where, what. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"F1", "全部", "使用说明"},
            new String[] {"Ctrl+O", "全部", "打开数据库"},
            new String[] {"Ctrl+I / Ctrl+E", "全部", "从 Excel 导入 / 导出为 Excel"},
            new String[] {"Ctrl+Q", "全部", "退出（有没保存的修改时先问）"},
            new String[] {"Enter", "活动台账 · 快速录入", "保存这一条并开始下一条"},
            new String[] {"Delete", "活动台账表格", "删除所选活动（先确认）"},
            new String[] {"双击表格行", "活动台账、荣誉", "编辑这一条"},
            new String[] {"双击数字或表格行", "统计分析", "列出背后的记录 / 进入下级组织"},
            new String[] {"Ctrl+S", "工作计划、工作总结（任何输入框）", "保存计划 / 保存总结"},
            new String[] {"Alt+↑ / Alt+↓", "工作计划 · 提纲", "上移 / 下移所选条目"},
            new String[] {"Tab / Shift+Tab", "工作计划 · 提纲", "降级 / 升级所选条目"},
            new String[] {"Insert", "工作计划 · 提纲", "在所选条目后加同级"},
            new String[] {"Delete", "工作计划 · 提纲", "删除所选条目"},
            new String[] {"Ctrl+Z / Ctrl+Y", "工作计划 · 提纲", "撤销 / 重做"});

    private HelpWindows() {
    }

    /** The guide text (from the resource help/guide.txt): lines starting with "#" are headings, "- " bullets. */
    public static List<String> guideLines() {
        try (InputStream in = HelpWindows.class.getResourceAsStream("help/guide.txt")) {
            if (in == null) {
                return List.of("# 使用说明", "（说明文件缺失）");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of("# 使用说明", "（说明文件读不出来：" + e.getMessage() + "）");
        }
    }

    public static Dialog<Void> guide(Window owner) {
        VBox box = new VBox(6);
        box.setId("help-guide");
        box.setPadding(new Insets(4, 12, 12, 4));
        for (String line : guideLines()) {
            Label l;
            if (line.startsWith("#")) {
                l = new Label(line.replaceFirst("^#+\\s*", ""));
                l.getStyleClass().add(line.startsWith("##") ? "help-heading" : "title-3");
            } else {
                l = new Label(line.startsWith("- ") ? "•  " + line.substring(2) : line);
            }
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(760, 560);
        return show(owner, "使用说明", scroll);
    }

    public static Dialog<Void> shortcuts(Window owner) {
        GridPane g = new GridPane();
        g.setId("help-shortcuts");
        g.setHgap(18);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        int row = 0;
        for (String h : new String[] {"按键", "在哪里", "作用"}) {
            Label l = new Label(h);
            l.getStyleClass().add("help-heading");
            g.add(l, row++, 0);
        }
        row = 1;
        for (String[] s : SHORTCUTS) {
            g.addRow(row++, new Label(s[0]), new Label(s[1]), new Label(s[2]));
        }
        return show(owner, "快捷键", g);
    }

    private static Dialog<Void> show(Window owner, String title, javafx.scene.Node content) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(title);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(new ButtonType("关闭", ButtonBar.ButtonData.CANCEL_CLOSE));
        Dialogs.fit(d);
        d.show();
        return d;
    }
}
