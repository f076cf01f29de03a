package org.taizhang.ui.roster;

import static org.taizhang.ui.Controls.button;
import static org.taizhang.ui.Controls.column;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taizhang.ui.Icons;
import org.taizhang.ui.UiPrefs;
import org.taizhang.common.Pinyin;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;
import org.taizhang.org.OrgType;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonRow;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Dialogs;

/**
 * 组织名册: the organisation tree with a search box (name or pinyin initials), the selected
 * organisation's details, and its members (optionally the whole subtree's).
 */
public final class RosterTab implements AppTab {
    private static final int PAGE = 2000;

    private final AppContext ctx;
    private final Tab tab;
    private final TextField search = new TextField();
    private final TreeView<Org> tree = new TreeView<>();
    private final GridPane details = new GridPane();
    private final Label detailTitle = new Label("请在左侧选择一个组织");
    private final TableView<PersonRow> people = new TableView<>();
    private final CheckBox subtree = new CheckBox("含下级组织");
    private final TextField personSearch = new TextField();
    private final Label peopleCount = new Label();
    private final javafx.animation.PauseTransition searchDelay = new javafx.animation.PauseTransition(Duration.millis(150));
    private OrgTree orgTree = new OrgTree(List.of());
    private List<OrgType> types = List.of();
    private Integer selectedId;
    /** The person just added or edited: selected and scrolled to when the list comes back. */
    private Integer showPerson;
    private String shownAs;

    public RosterTab(AppContext ctx) {
        this.ctx = ctx;
        search.setPromptText("搜索组织：名称或拼音首字母，如 yl / 园岭");
        search.setId("org-search");
        searchDelay.setOnFinished(e -> rebuildTree());
        search.textProperty().addListener((o, a, b) -> searchDelay.playFromStart());
        tree.setId("org-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(tv -> new OrgCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            selectedId = b == null || b.getValue() == null ? null : b.getValue().id();
            showDetails(b == null ? null : b.getValue());
            loadPeople();
        });
        Button addChild = Icons.button("新增下级", "org-add-child", Icons.ADD, () -> addOrg(selected()));
        Button addTop = Icons.button("新增顶级", "org-add-top", Icons.ADD, () -> addOrg(null));
        Button edit = Icons.button("编辑", "org-edit", Icons.EDIT, this::editOrg);
        Button move = Icons.button("移动到…", "org-move", Icons.MOVE, this::moveOrg);
        Button delete = Icons.button("删除", "org-delete", Icons.DELETE, this::deleteOrg);
        // buttons wrap onto a second line in a narrow pane instead of hiding behind »
        javafx.scene.layout.FlowPane orgBar = new javafx.scene.layout.FlowPane(4, 4, addChild, addTop, edit, move, delete);
        orgBar.setPadding(new javafx.geometry.Insets(4));
        VBox left = new VBox(6, search, orgBar, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        details.setHgap(12);
        details.setVgap(6);
        detailTitle.getStyleClass().add("title-3");
        detailTitle.setId("org-title");
        VBox detailBox = new VBox(8, detailTitle, details);
        detailBox.setPadding(new Insets(8));

        setupPeopleTable();
        subtree.setId("people-subtree");
        subtree.selectedProperty().addListener((o, a, b) -> loadPeople());
        personSearch.setPromptText("按姓名、身份证号、电话查找");
        personSearch.setPrefWidth(240); // the whole prompt in sight
        personSearch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.animation.PauseTransition personDelay = new javafx.animation.PauseTransition(Duration.millis(250));
        personDelay.setOnFinished(e -> loadPeople());
        personSearch.textProperty().addListener((o, a, b) -> personDelay.playFromStart());
        Button addPerson = Icons.button("新增人员", "person-add", Icons.ADD, this::addPerson);
        Button editPerson = Icons.button("编辑", "person-edit", Icons.EDIT, this::editPerson);
        Button removePerson = Icons.button("移出组织", "person-remove", Icons.DELETE, this::removePerson);
        javafx.scene.layout.FlowPane peopleBar = new javafx.scene.layout.FlowPane(6, 4, addPerson, editPerson, removePerson, subtree, personSearch);
        peopleBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        peopleBar.setPadding(new javafx.geometry.Insets(4));
        peopleCount.setId("people-count");
        VBox peopleBox = new VBox(4, peopleBar, people, peopleCount);
        VBox.setVgrow(people, Priority.ALWAYS);
        peopleBox.setPadding(new Insets(0, 8, 8, 8));

        SplitPane right = new SplitPane(detailBox, peopleBox);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.32);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.34);
        UiPrefs.rememberDividers(right, "roster-right");
        UiPrefs.rememberDividers(split, "roster");
        UiPrefs.rememberColumns(people.getColumns(), "roster-people");
        tab = new Tab("组织名册", split);
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    /** What the tree shows: the organisation types and every organisation (read on the database thread). */
    public record Loaded(List<OrgType> types, OrgTree tree) {
        public static Loaded read(org.taizhang.org.OrgService orgs) {
            return new Loaded(orgs.types(), new OrgTree(orgs.listAll()));
        }
    }

    @Override
    public void reload() {
        ctx.background().run(() -> Loaded.read(ctx.orgs()), this::show);
    }

    /** Shows data read ahead (the first screen: read together with opening the database). FX thread. */
    public void show(Loaded data) {
        types = data.types();
        orgTree = data.tree();
        rebuildTree();
    }

    private Org selected() {
        return selectedId == null ? null : orgTree.get(selectedId);
    }

    /** Rebuilds the tree from the loaded list, keeping matches of the search and their ancestors. */
    private void rebuildTree() {
        String q = search.getText();
        boolean filtering = q != null && !q.isBlank();
        Integer keep = selectedId;
        TreeItem<Org> root = new TreeItem<>();
        Map<Integer, TreeItem<Org>> items = new HashMap<>();
        var matcher = Pinyin.matcher(q);
        for (OrgTree.Line l : orgTree.lines(null, o -> matcher.test(o.name()))) {
            TreeItem<Org> item = new TreeItem<>(l.org());
            item.setExpanded(filtering || l.depth() < 1);
            items.put(l.org().id(), item);
            TreeItem<Org> parent = l.org().parentId() == null ? root : items.getOrDefault(l.org().parentId(), root);
            parent.getChildren().add(item);
        }
        tree.setRoot(root);
        TreeItem<Org> sel = keep == null ? null : items.get(keep);
        if (sel == null && !root.getChildren().isEmpty()) {
            sel = root.getChildren().getFirst();
        }
        if (sel != null) {
            for (TreeItem<Org> p = sel.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(sel);
            int row = tree.getRow(sel);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        } else {
            tree.getSelectionModel().clearSelection();
            showDetails(null);
            people.getItems().clear();
        }
    }

    private void showDetails(Org o) {
        details.getChildren().clear();
        if (o == null) {
            detailTitle.setText(orgTree.size() == 0 ? "还没有组织，点“新增顶级”开始" : "请在左侧选择一个组织");
            return;
        }
        detailTitle.setText(o.name());
        LocalDate due = o.nextElectionDue();
        String dueText = due == null ? "未知（请填写成立日期或上次换届日期）"
                : due + (due.isBefore(LocalDate.now()) ? "（已逾期，请尽快换届）" : "");
        String[][] rows = {
                {"组织类型", o.typeName()},
                {"上级组织", o.parentId() == null ? "（顶级）" : orgTree.path(o.parentId())},
                {"成立日期", o.foundedOn() == null ? "" : o.foundedOn().toString()},
                {"每届任期", o.termYears() + " 年" + (o.ownTermYears() == null ? "（按类型默认）" : "")},
                {"上次换届", o.lastElectionOn() == null ? "未记录" : o.lastElectionOn().toString()},
                {"下次换届", dueText},
                {"联系人", o.contactPerson() == null ? "" : o.contactPerson()},
                {"联系电话", o.contactPhone() == null ? "" : o.contactPhone()},
                {"现有成员", o.memberCount() + " 人"},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("detail-label");
            Label v = new Label(rows[i][1]);
            v.setId("detail-" + rows[i][0]);
            if (rows[i][0].equals("下次换届") && due != null && due.isBefore(LocalDate.now())) {
                v.getStyleClass().add("overdue");
            }
            details.add(k, (i % 3) * 2, i / 3);
            details.add(v, (i % 3) * 2 + 1, i / 3);
        }
    }

    private void setupPeopleTable() {
        people.setId("people-table");
        people.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        people.setPlaceholder(new Label("该组织还没有登记成员"));
        people.getColumns().add(column("姓名", 80, PersonRow::name));
        people.getColumns().add(column("性别", 44, PersonRow::gender));
        people.getColumns().add(column("出生日期", 96, r -> r.birthDate() == null ? "" : r.birthDate().toString()));
        people.getColumns().add(column("身份证号", 196, PersonRow::idNumber));
        people.getColumns().add(column("联系电话", 116, PersonRow::phone));
        people.getColumns().add(column("政治面貌", 84, PersonRow::politicalStatus));
        people.getColumns().add(column("职务", 70, PersonRow::role));
        people.getColumns().add(column("加入日期", 96, r -> r.joinedOn() == null ? "" : r.joinedOn().toString()));
        people.getColumns().add(column("所属组织", 160, PersonRow::orgName));
                people.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<PersonRow>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editPerson();
                }
            });
            return row;
        });
    }

    private void loadPeople() {
        Integer orgId = selectedId;
        if (orgId == null) {
            people.getItems().clear();
            peopleCount.setText("");
            return;
        }
        boolean sub = subtree.isSelected();
        String q = personSearch.getText();
        ctx.background().run(() -> ctx.people().listByOrg(orgId, sub, q, PAGE), page -> {
            if (!orgId.equals(selectedId)) {
                return; // the user has moved on
            }
            people.setItems(FXCollections.observableArrayList(page.rows()));
            String count = page.total() > page.rows().size()
                    ? "共 " + page.total() + " 人，显示前 " + page.rows().size() + " 人，请用查找缩小范围"
                    : "共 " + page.total() + " 人";
            Integer just = showPerson;
            showPerson = null;
            PersonRow shown = just == null ? null : page.rows().stream().filter(r -> r.personId() == just
                    && (r.orgId() == orgId || sub)).findFirst().orElse(null);
            if (shown != null) {
                people.getSelectionModel().select(shown);
                people.scrollTo(Math.max(0, people.getItems().indexOf(shown) - 3));
                count += "　" + shownAs + "：" + shown.name();
            }
            peopleCount.setText(count);
        });
    }

    private void addOrg(Org parent) {
        new OrgDialog(tab.getTabPane().getScene().getWindow(), ctx, types, null, parent,
                parent == null ? null : orgTree.path(parent.id()), ctx.orgs()::add)
                .showAndWait().ifPresent(id -> {
                    selectedId = id;
                    afterOrgChange();
                });
    }

    private void editOrg() {
        Org o = selected();
        if (o == null) {
            return;
        }
        new OrgDialog(tab.getTabPane().getScene().getWindow(), ctx, types, o, null,
                o.parentId() == null ? null : orgTree.path(o.parentId()), in -> {
            ctx.orgs().update(o.id(), in);
            return o.id();
        }).showAndWait().ifPresent(id -> afterOrgChange());
    }

    private void moveOrg() {
        Org o = selected();
        if (o == null) {
            return;
        }
        List<Integer> own = orgTree.subtreeIds(o.id());
        List<String> choices = new java.util.ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        choices.add("（移为顶级组织）");
        for (OrgTree.Line l : orgTree.lines(null, x -> true)) {
            if (own.contains(l.org().id())) {
                continue;
            }
            String label = "　".repeat(l.depth()) + l.org().name();
            if (ids.containsKey(label) && l.org().parentId() != null) {
                label += "（" + orgTree.path(l.org().parentId()) + "）"; // two of the same name: tell them apart by their parents
            }
            choices.add(label);
            ids.put(label, l.org().id());
        }
        ChoiceDialog<String> d = Dialogs.chinese(new ChoiceDialog<>(choices.getFirst(), choices));
        d.initOwner(tab.getTabPane().getScene().getWindow());
        d.setTitle("移动组织");
        d.setHeaderText("把“" + o.name() + "”（连同下级）移到：");
        d.setContentText("新的上级");
        Dialogs.fit(d);
        d.showAndWait().ifPresent(choice -> moveTo(o, ids.get(choice)));
    }

    private void moveTo(Org o, Integer newParent) {
        ctx.background().run(() -> {
            ctx.orgs().move(o.id(), newParent);
            return null;
        }, r -> afterOrgChange());
    }

    private void deleteOrg() {
        Org o = selected();
        if (o == null) {
            return;
        }
        javafx.stage.Window owner = tab.getTabPane().getScene().getWindow();
        // what stands in the way is said first: no "delete?" question for what cannot be deleted
        ctx.background().run(() -> ctx.orgs().whyNotRemovable(o.id()), why -> {
            if (why != null) {
                Dialogs.info(owner, "不能删除“" + o.name() + "”", why);
                return;
            }
            if (!Dialogs.confirmDelete(owner, "删除“" + o.name() + "”？",
                    "删除后如需找回，可用“文件 → 最近的修改”撤销。", "删除", "org-delete-ok")) {
                return;
            }
            ctx.background().run(() -> {
                ctx.orgs().remove(o.id());
                return null;
            }, r -> {
                selectedId = o.parentId();
                afterOrgChange();
            });
        });
    }

    private void afterOrgChange() {
        ctx.dataChanged();
        reload();
    }

    private void addPerson() {
        Org o = selected();
        if (o == null) {
            Dialogs.info(tab.getTabPane().getScene().getWindow(), "请先选择组织", "在左侧选中要加入的组织，再点“新增人员”。");
            return;
        }
        new PersonDialog(tab.getTabPane().getScene().getWindow(), ctx, o.name(), null,
                r -> ctx.people().add(r.person(), new MembershipInput(o.id(), r.role(), r.joined())))
                .showAndWait().ifPresent(id -> {
                    showPerson = id;
                    shownAs = "已新增";
                    afterPeopleChange();
                });
    }

    private void editPerson() {
        PersonRow row = people.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        new PersonDialog(tab.getTabPane().getScene().getWindow(), ctx, row.orgName(), row, r -> {
            ctx.people().update(row.personId(), r.person());
            ctx.people().updateMembership(row.membershipId(), r.role(), r.joined());
            return row.personId();
        }).showAndWait().ifPresent(id -> {
            showPerson = id;
            shownAs = "已保存";
            afterPeopleChange();
        });
    }

    private void removePerson() {
        PersonRow row = people.getSelectionModel().getSelectedItem();
        if (row == null || !Dialogs.confirmDelete(tab.getTabPane().getScene().getWindow(),
                "把 " + row.name() + " 移出“" + row.orgName() + "”？",
                "如果此人不再属于任何组织，且没有荣誉记录，其人员记录也会删除。", "移出", "person-remove-ok")) {
            return;
        }
        ctx.background().run(() -> ctx.people().removeMembership(row.membershipId()), gone -> afterPeopleChange());
    }

    private void afterPeopleChange() {
        ctx.dataChanged();
        loadPeople();
        reload();
    }

    /** Tree cell with drag-and-drop moving and overdue-election marking. */
    private final class OrgCell extends TreeCell<Org> {
        OrgCell() {
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(Integer.toString(getItem().id()));
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (getItem() != null && e.getDragboard().hasString()
                        && !orgTree.subtreeIds(Integer.parseInt(e.getDragboard().getString())).contains(getItem().id())) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                Org moving = orgTree.get(Integer.parseInt(e.getDragboard().getString()));
                Org target = getItem();
                if (moving != null && target != null && Dialogs.confirm(getScene().getWindow(), "移动组织",
                        "把“" + moving.name() + "”（连同下级）移到“" + target.name() + "”之下？")) {
                    moveTo(moving, target.id());
                }
                e.setDropCompleted(true);
                e.consume();
            });
        }

        @Override
        protected void updateItem(Org o, boolean empty) {
            super.updateItem(o, empty);
            getStyleClass().remove("overdue");
            if (empty || o == null) {
                setText(null);
                return;
            }
            setText(o.name() + "（" + o.typeName() + "）");
            if (o.electionOverdue(LocalDate.now())) {
                getStyleClass().add("overdue");
            }
        }
    }
}
