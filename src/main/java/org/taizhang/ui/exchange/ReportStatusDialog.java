package org.taizhang.ui.exchange;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.common.Dates;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.ReportStatus;
import org.taizhang.org.Org;
import org.taizhang.stats.Period;
import org.taizhang.stats.Totals;
import org.taizhang.ui.AppContext;
import org.taizhang.common.Numbers;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.activity.OrgChoice;
import org.taizhang.org.OrgTree;
import org.taizhang.ui.PeriodFilter;

/** 文件 → 上报情况…: for an organisation and period, which direct sub-organisations have sent a package, when, with what totals. */
final class ReportStatusDialog extends Dialog<ButtonType> {
    private final ComboBox<OrgChoice> org = OrgPicker.choices("status-org");
    private final Label summary = new Label();
    private final TableView<ReportStatus.Line> table = new TableView<>();
    private final AppContext ctx;
    private final PeriodFilter period;

    ReportStatusDialog(Window owner, AppContext ctx, List<Org> orgs) {
        this.ctx = ctx;
        this.period = new PeriodFilter("status", this::reload);
        initOwner(owner);
        setTitle("上报情况");
        setHeaderText("直属下级组织的数据包报送情况");
        setResizable(true);
        summary.setId("status-summary");
        table.setId("status-table");
        OrgChoice.decorate(org);
        org.getItems().setAll(OrgChoice.of(new OrgTree(orgs), false));
        org.getSelectionModel().selectFirst();
        orgs.stream().filter(o -> o.parentId() == null).findFirst()
                .flatMap(top -> OrgChoice.find(org, top.id())).ifPresent(org::setValue);
        org.valueProperty().addListener((o, a, b) -> reload());
        table.getColumns().add(col("组织", 180, ReportStatus.Line::orgName));
        table.getColumns().add(col("状态", 60, l -> l.reported() ? "已报送" : "未报送"));
        table.getColumns().add(col("数据包时段", 200, l -> l.reported() ? span(l.packageFrom(), l.packageTo()) : ""));
        table.getColumns().add(col("生成于", 160, l -> l.createdAt() == null ? "" : l.createdAt()));
        table.getColumns().add(col("导入于", 160, l -> l.importedAt() == null ? "" : l.importedAt()));
        table.getColumns().add(col("活动", 50, l -> figure(l, "activities")));
        table.getColumns().add(col("参与人次", 80, l -> figure(l, "participants")));
        table.getColumns().add(col("服务时长", 80, l -> l.reported() ? Numbers.groupedTenths(l.totals().getOrDefault("service_tenths", 0L)) : ""));
        table.getColumns().add(col("惠及人数", 80, l -> figure(l, "beneficiaries")));
        table.getColumns().add(col("荣誉", 50, l -> figure(l, "honors")));
        table.getColumns().add(col("在册成员", 80, l -> figure(l, "members")));
        table.setPlaceholder(new Label("这个组织没有直属下级组织"));
        Label orgLabel = new Label("组织");
        Label periodLabel = new Label("时段");
        orgLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        periodLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        org.setMinWidth(220);
        period.periodBox().setMinWidth(110);
        HBox top = new HBox(8, orgLabel, org, periodLabel, period.periodBox(), period.yearBox(), period.fromPicker(), new Label("至"), period.toPicker());
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, summary, table);
        box.setPadding(new Insets(10));
        box.setPrefSize(1240, 420);
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(box);
        getDialogPane().setPrefSize(1280, 480);
        getDialogPane().getButtonTypes().add(Dialogs.CLOSE);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(Dialogs.CLOSE)).setText("关闭");
        reload();
    }

    private static String figure(ReportStatus.Line l, String key) {
        return l.reported() ? Numbers.grouped(l.totals().getOrDefault(key, 0L)) : "";
    }

    private static TableColumn<ReportStatus.Line, String> col(String title, double width, java.util.function.Function<ReportStatus.Line, String> f) {
        TableColumn<ReportStatus.Line, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    private void reload() {
        Integer id = OrgChoice.idOf(org.getValue());
        if (id == null || period == null || period.from() == null || period.to() == null) {
            return;
        }
        Period p = Period.custom(period.from(), period.to());
        ctx.background().run(() -> new ExchangeService(ctx.db()).status(id, p), s -> {
            table.getItems().setAll(s.lines());
            summary.setText(s.orgName() + " " + p.label() + "：已报送 " + s.reportedCount() + " 个，未报送 " + s.missing().size() + " 个"
                    + (s.missing().isEmpty() ? "" : "（" + String.join("、", s.missing().stream().map(ReportStatus.Line::orgName).toList()) + "）"));
        }, ex -> summary.setText(Dialogs.inlineText(ex)));
    }


    /** The package's period as every table shows a span of days (2026-01-01—06-30); as written when not ISO dates. */
    private static String span(String from, String to) {
        try {
            return Dates.isoRange(java.time.LocalDate.parse(from), java.time.LocalDate.parse(to));
        } catch (RuntimeException e) {
            return from + "—" + to;
        }
    }
}
