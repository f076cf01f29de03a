package org.taizhang.ui.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.common.Numbers;
import org.taizhang.common.PlanStatus;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanInput;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.plan.Progress;
import org.taizhang.plan.TargetMetric;
import org.taizhang.stats.Period;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.TaskRunner;

/**
 * The state of 工作计划 without any control: the organisation and year, its plans, the open plan's
 * outline (add, indent, outdent, move, delete, undo — every change one undo step), the selected
 * line and the fields typed for it, whether there are unsaved changes, and saving, switching plans and
 * exporting. A save works on a snapshot of the outline taken here (on the FX thread) and written on
 * the database thread, so editing may go on meanwhile. Each change bumps {@link #revisionProperty()};
 * the view then redraws the outline. Tested without a stage.
 */
public final class PlanViewModel {
    /** Where {@link #add} puts the new line. */
    public enum Where {
        /** A new part (一、) at the end, or after the selected part. */
        SECTION,
        /** A line after the selected one, at its level. */
        AFTER,
        /** A line under the selected one. */
        CHILD
    }

    private final PlanService plans;
    private final OrgService orgService;
    private final TaskRunner runner;
    private final Prompts prompts;
    private final Runnable dataChanged;
    /** Writes the open plan as Word to a file (the view passes the summary composer's export). */
    private final Exporter exporter;

    /** Writes plan {@code p} as a document to {@code file} (on the database thread). */
    @FunctionalInterface
    public interface Exporter {
        void export(Plan p, Path file) throws Exception;
    }

    private final ObservableList<Org> orgs = FXCollections.observableArrayList();
    private final ObjectProperty<Org> org = new SimpleObjectProperty<>();
    private final StringProperty yearFilter = new SimpleStringProperty("");
    private final ObservableList<Plan> planList = FXCollections.observableArrayList();
    private final StringProperty newTitle = new SimpleStringProperty("");
    private final StringProperty newPeriod = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("请选择或新建一个计划");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Long> selected = new ReadOnlyObjectWrapper<>();

    // the fields of the selected line
    private final StringProperty lead = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ObjectProperty<Org> owner = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final ObjectProperty<PlanStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<TargetMetric> metric = new SimpleObjectProperty<>();
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final StringProperty target = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper carried = new ReadOnlyStringWrapper("");
    private final ObservableList<String> categoryNames = FXCollections.observableArrayList();

    private Map<Integer, String> categories = Map.of();
    private OrgTree orgTree = new OrgTree(List.of());
    private Plan plan;
    private PlanOutline outline;
    private Map<Long, Progress> progress = Map.of();
    /** True while {@link #reload()} sets the organisation: it loads the plans itself, once. */
    private boolean holdLoad;

    public PlanViewModel(PlanService plans, OrgService orgService, TaskRunner runner, Prompts prompts, Runnable dataChanged, Exporter exporter) {
        this.plans = plans;
        this.orgService = orgService;
        this.runner = runner;
        this.prompts = prompts;
        this.dataChanged = dataChanged;
        this.exporter = exporter;
        org.addListener((o, a, b) -> {
            if (!holdLoad) {
                loadPlans(null, "");
            }
        });
        yearFilter.addListener((o, a, b) -> loadPlans(plan == null ? null : plan.id(), ""));
    }

    // ================================================================ loading

    /** Loads the organisations and categories, then the plans of the chosen organisation (the open plan stays open). */
    public void reload() {
        record Loaded(List<Org> all, Map<Integer, String> cats) {
        }
        runner.run(() -> new Loaded(orgService.listAll(), plans.categories()), r -> {
            orgTree = new OrgTree(r.all());
            categories = r.cats();
            categoryNames.setAll(r.cats().values());
            categoryNames.addFirst(null);
            List<Org> ordered = orgTree.lines(null, o -> true).stream().map(OrgTree.Line::org).toList();
            Org keep = org.get();
            holdLoad = true;
            try {
                orgs.setAll(ordered);
                if (keep != null && orgTree.get(keep.id()) != null) {
                    org.set(orgTree.get(keep.id()));
                } else {
                    org.set(ordered.isEmpty() ? null : ordered.getFirst());
                }
            } finally {
                holdLoad = false;
            }
            loadPlans(plan == null ? null : plan.id(), "");
        }, this::showError);
    }

    /** Loads the plans of the organisation (and year) and opens {@code select} when given, then says {@code done}. */
    private void loadPlans(Integer select, String done) {
        Org o = org.get();
        if (o == null) {
            planList.clear();
            changed();
            return;
        }
        Integer year = year();
        runner.run(() -> plans.list(o.id(), year), list -> {
            planList.setAll(list);
            Plan toSelect = list.stream().filter(p -> select != null && p.id() == select).findFirst().orElse(null);
            if (toSelect == null && select == null && plan == null && !list.isEmpty()) {
                toSelect = list.getFirst(); // nothing open yet: the newest plan, not an empty page
            }
            if (toSelect != null) {
                boolean same = plan != null && plan.id() == toSelect.id();
                if (same && (outline == null || !outline.dirty())) {
                    plan = null; // reopen from the database; unsaved edits of the open plan are never dropped
                }
                open(toSelect, done);
            } else {
                if (plan != null && list.stream().noneMatch(p -> p.id() == plan.id())) {
                    close();
                }
                if (!done.isEmpty()) {
                    message.set(done);
                }
            }
            changed();
        }, this::showError);
    }

    private Integer year() {
        String y = Texts.compactCode(yearFilter.get());
        if (y == null || y.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(y.replace("年", ""));
        } catch (NumberFormatException e) {
            message.set("年度筛选：“" + yearFilter.get().strip() + "”不是年份，请写如 2022");
            return null;
        }
    }

    /**
     * Opens {@code next} (the clerk picked it in the list). Unsaved changes of the open plan are saved
     * first; if they cannot be, the plan stays open with the reason.
     */
    public void open(Plan next) {
        open(next, "");
    }

    private void open(Plan next, String done) {
        if (next == null || plan != null && plan.id() == next.id()) {
            return;
        }
        if (plan != null && outline != null) {
            applyPending(selected.get());
        }
        if (plan != null && outline != null && outline.dirty()) {
            Plan current = plan;
            PlanOutline o = outline;
            PlanOutline copy = o.snapshot(); // the database thread saves a copy; the FX thread may go on editing o
            runner.run(() -> {
                plans.save(current.id(), copy);
                return null;
            }, r -> {
                o.saved(copy);
                openNow(next, (done.isEmpty() ? "" : done + "；") + "已自动保存“" + current.title() + "”");
            }, e -> {
                showError(e);
                changed(); // the list shows the open plan again
            });
        } else {
            openNow(next, done);
        }
    }

    private void openNow(Plan p, String done) {
        record Loaded(PlanOutline outline, Map<Long, Progress> progress) {
        }
        runner.run(() -> {
            PlanOutline o = plans.load(p.id());
            return new Loaded(o, plans.progress(p, o));
        }, r -> {
            plan = p;
            outline = r.outline();
            progress = r.progress();
            message.set(done);
            show(null);
        }, this::showError);
    }

    private void close() {
        plan = null;
        outline = null;
        progress = Map.of();
        show(null);
    }

    // ================================================================ the outline

    /** The clerk selected line {@code key} (null: none): what was typed for the previous line goes into it first. */
    public void select(Long key) {
        Long before = selected.get();
        if (before != null && !before.equals(key)) {
            applyPending(before);
        }
        selected.set(key);
        fillDetails();
        updateTitle();
    }

    /** Adds a line (see {@link Where}) and selects it. */
    public void add(Where where) {
        if (outline == null) {
            message.set("请先选择或新建一个计划");
            return;
        }
        Long k = selected.get();
        applyPending(k);
        try {
            PlanNode n;
            if (where == Where.SECTION || (k == null && where != Where.CHILD)) {
                n = outline.addSection(ItemFields.heading(""));
            } else if (k == null) {
                message.set("请先选中要在其下添加的条目");
                return;
            } else if (where == Where.CHILD) {
                n = outline.addChild(k, ItemFields.item("", ""));
            } else {
                n = outline.addAfter(k, outline.depth(k) == 0 ? ItemFields.heading("") : ItemFields.item("", ""));
            }
            message.set("");
            show(n.key());
        } catch (UserException e) {
            message.set(e.getMessage());
        }
    }

    public void delete() {
        onSelected(k -> {
            outline.delete(k);
            return true;
        });
    }

    public void moveUp() {
        onSelected(k -> outline.moveUp(k));
    }

    public void moveDown() {
        onSelected(k -> outline.moveDown(k));
    }

    /** 降级 (Tab): under the line above. */
    public void indent() {
        onSelected(k -> outline.indent(k));
    }

    /** 升级 (Shift+Tab). */
    public void outdent() {
        onSelected(k -> outline.outdent(k));
    }

    public void undo() {
        change(() -> outline.undo(), selected.get());
    }

    public void redo() {
        change(() -> outline.redo(), selected.get());
    }

    /** Moves line {@code key} (dragged) to where line {@code onto} is, among onto's siblings. */
    public void moveOnto(long key, long onto) {
        if (outline == null || key == onto) {
            return;
        }
        applyPending(selected.get());
        PlanNode parent = outline.parentOf(onto);
        List<PlanNode> siblings = parent == null ? outline.roots() : parent.children();
        int index = siblings.indexOf(outline.find(onto));
        change(() -> outline.moveTo(key, parent == null ? null : parent.key(), index), selected.get());
    }

    private void onSelected(LongPredicate action) {
        Long k = selected.get();
        if (outline == null || k == null) {
            message.set("请先在计划提纲中选中一条");
            return;
        }
        applyPending(k);
        change(() -> action.test(k), k);
    }

    private void change(BooleanSupplier op, Long select) {
        if (outline == null) {
            message.set("请先选择或新建一个计划");
            return;
        }
        try {
            op.getAsBoolean();
            message.set("");
        } catch (UserException e) {
            message.set(e.getMessage());
        }
        show(select);
    }

    /** Writes the typed fields into the selected line (one undo step). */
    public void apply() {
        Long k = selected.get();
        if (outline == null || k == null) {
            message.set("请先在计划提纲中选中一条");
            return;
        }
        ItemFields f = formFields(k);
        if (f != null) {
            change(() -> {
                outline.edit(k, f);
                return true;
            }, k);
        }
    }

    /** The typed fields for line {@code key}; null (with the reason shown) when the target value is not a number. */
    private ItemFields formFields(long key) {
        Integer value = null;
        String t = Texts.compactCode(target.get());
        if (t != null && !t.isEmpty()) {
            try {
                value = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                message.set("目标值：“" + target.get().strip() + "”不是整数，请填写如 20");
                return null;
            }
        }
        Integer cat = null;
        if (category.get() != null) {
            cat = categories.entrySet().stream().filter(en -> en.getValue().equals(category.get())).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
        ItemFields old = outline.find(key).fields();
        return new ItemFields(lead.get(), body.get(), owner.get() == null ? null : owner.get().id(), due.get(), status.get(), metric.get(),
                cat, value, old.carriedOver());
    }

    private static ItemFields normalized(ItemFields f) {
        return new ItemFields(f.lead() == null || f.lead().isEmpty() ? null : f.lead(), f.body() == null || f.body().isEmpty() ? null : f.body(),
                f.ownerOrgId(), f.dueDate(), f.status(), f.metric(), f.targetCategoryId(), f.targetValue(), f.carriedOver());
    }

    /**
     * What was typed for line {@code key} but not yet applied goes into the outline (one undo step)
     * before the selection moves, the plan is saved or exported, or a line is added — nothing typed is lost.
     */
    private void applyPending(Long key) {
        if (outline == null || key == null) {
            return;
        }
        PlanNode n;
        try {
            n = outline.find(key);
        } catch (UserException e) {
            return; // deleted
        }
        ItemFields f = formFields(key);
        if (f != null && !normalized(f).equals(normalized(n.fields()))) {
            outline.edit(key, f);
        }
    }

    /** Selects {@code key} (when still there), fills the fields and tells the view to redraw. */
    private void show(Long key) {
        Long keep = null;
        if (outline != null && key != null) {
            try {
                outline.find(key);
                keep = key;
            } catch (UserException e) {
                keep = null;
            }
        }
        selected.set(keep);
        fillDetails();
        changed();
    }

    private void changed() {
        updateTitle();
        revision.set(revision.get() + 1);
    }

    private void updateTitle() {
        boolean d = outline != null && outline.dirty();
        dirty.set(d);
        title.set(plan == null ? "请选择或新建一个计划" : plan.heading() + (d ? " · 未保存" : ""));
    }

    private void fillDetails() {
        Long k = selected.get();
        PlanNode n = outline == null || k == null ? null : outline.find(k);
        if (n == null) {
            lead.set("");
            body.set("");
            owner.set(null);
            due.set(null);
            status.set(null);
            metric.set(null);
            category.set(null);
            target.set("");
            carried.set("");
            return;
        }
        ItemFields f = n.fields();
        lead.set(f.lead() == null ? "" : f.lead());
        body.set(f.body() == null ? "" : f.body());
        owner.set(f.ownerOrgId() == null ? null : orgTree.get(f.ownerOrgId()));
        due.set(f.dueDate());
        status.set(f.status());
        metric.set(f.metric());
        category.set(f.targetCategoryId() == null ? null : categories.get(f.targetCategoryId()));
        target.set(f.targetValue() == null ? "" : String.valueOf(f.targetValue()));
        carried.set(f.carriedOver() ? "上期结转的条目" : "");
    }

    /** The text of a line in the outline: its number and text, or “（未填写）”. */
    public String label(PlanNode n) {
        if (outline != null) {
            for (PlanOutline.Line l : outline.lines()) {
                if (l.node().key() == n.key()) {
                    String t = n.fields().text();
                    return l.number() + (t.isEmpty() ? "（未填写）" : t);
                }
            }
        }
        return n.fields().text();
    }

    /** 状态 of a line: the status of an item (·结转 when carried over), empty for parts. */
    public String statusText(PlanNode n) {
        if (outline == null || outline.kindOf(n.key()) != PlanOutline.Kind.ITEM) {
            return "";
        }
        return n.fields().status().label + (n.fields().carriedOver() ? "·结转" : "");
    }

    /** 责任组织 of a line. */
    public String ownerText(PlanNode n) {
        Integer id = n.fields().ownerOrgId();
        Org o = id == null ? null : orgTree.get(id);
        return o == null ? "" : o.name();
    }

    /** 目标进度 of a line: the progress after the last save, or the target typed (computed at the next save). */
    public String progressText(PlanNode n) {
        Progress p = progress.get(n.key());
        if (p != null) {
            return p.shortText();
        }
        ItemFields f = n.fields();
        return f.hasTarget() ? "目标 " + Numbers.grouped(f.targetValue()) + " " + f.metric().unit + "（保存后计算）" : "";
    }

    // ================================================================ plans

    private PlanInput newInput() {
        Org o = org.get();
        if (o == null) {
            throw new ValidationException(PlanService.F_ORG, "请先选择组织");
        }
        Period p = Period.parse(newPeriod.get());
        String t = newTitle.get() == null || newTitle.get().isBlank() ? o.name() + p.label() + "工作计划" : newTitle.get();
        return new PlanInput(o.id(), t, p.from(), p.to(), p.label());
    }

    /** Creates a plan from 新建计划's period and title and opens it. */
    public void createPlan() {
        PlanInput in;
        try {
            in = newInput();
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        runner.run(() -> plans.create(in), id -> {
            newTitle.set("");
            loadPlans(id, "已新建计划");
        }, this::showError);
    }

    /** 复制上期: a new plan from the organisation's previous one, its lines marked 上期结转. */
    public void copyPlan() {
        PlanInput in;
        try {
            in = newInput();
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        runner.run(() -> {
            Plan prev = plans.previous(in.orgId(), in.from()).orElseThrow(() -> new ValidationException("计划",
                    "该组织在 " + in.from() + " 之前没有计划可复制，请直接新建"));
            return plans.copyFrom(prev.id(), in);
        }, id -> {
            loadPlans(id, "已复制上期计划，条目标为“上期结转”");
        }, this::showError);
    }

    /** Applies the period and/or title typed in the 新建 fields to the open plan (blank ones stay). */
    public void editHeader() {
        Plan p = plan;
        if (p == null) {
            message.set("请先选择要修改的计划");
            return;
        }
        PlanInput in;
        try {
            boolean hasPeriod = newPeriod.get() != null && !newPeriod.get().isBlank();
            Period np = hasPeriod ? Period.parse(newPeriod.get()) : Period.custom(p.from(), p.to());
            String t = newTitle.get() == null || newTitle.get().isBlank() ? p.title() : newTitle.get();
            in = new PlanInput(p.orgId(), t, np.from(), np.to(), hasPeriod ? np.label() : p.periodLabel());
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        runner.run(() -> {
            plans.updateHeader(p.id(), in);
            return plans.require(p.id());
        }, after -> {
            plan = after;
            newTitle.set("");
            newPeriod.set("");
            message.set("已修改：" + after.title() + "（" + after.periodLabel() + "）");
            show(selected.get());
            loadPlansKeep();
        }, this::showError);
    }

    /** Deletes the open plan with all its lines, after asking. */
    public void deletePlan() {
        Plan p = plan;
        if (p == null) {
            message.set("请先选择要删除的计划");
            return;
        }
        if (!prompts.confirm("删除计划“" + p.title() + "”？", "计划的全部条目都会删除，无法撤销。")) {
            return;
        }
        runner.run(() -> {
            plans.delete(p.id());
            return null;
        }, r -> {
            close();
            loadPlans(null, "已删除计划“" + p.title() + "”");
        }, this::showError);
    }

    /**
     * Saves the outline (one transaction) and recomputes progress. The outline is copied here and the
     * copy is written on the database thread; edits made meanwhile stay unsaved.
     */
    public void save() {
        save(null);
    }

    /** What is not saved yet ("工作计划“…”"), asked before the window closes or another database opens; null when nothing. */
    public String unsavedWork() {
        if (plan == null || outline == null) {
            return null;
        }
        applyPending(selected.get());
        return outline.dirty() ? "工作计划“" + plan.title() + "”" : null;
    }

    /** {@link #save()}, then {@code then} on the FX thread once it is saved (not when the save is refused). */
    public void save(Runnable then) {
        if (plan == null || outline == null) {
            message.set("请先选择或新建一个计划");
            return;
        }
        Plan p = plan;
        PlanOutline o = outline;
        Long select = selected.get();
        applyPending(select);
        PlanOutline copy = o.snapshot();
        runner.run(() -> {
            plans.save(p.id(), copy);
            return plans.progress(p, copy);
        }, pr -> {
            o.saved(copy);
            if (o == outline) {
                progress = pr;
                message.set("已保存");
                show(selected.get());
            }
            dataChanged.run();
            loadPlansKeep();
            if (then != null) {
                then.run();
            }
        }, e -> {
            showError(e);
            updateTitle();
        });
    }

    private void loadPlansKeep() {
        Org o = org.get();
        if (o == null) {
            return;
        }
        Integer year = year();
        runner.run(() -> plans.list(o.id(), year), list -> {
            planList.setAll(list);
            if (plan != null) {
                int id = plan.id();
                list.stream().filter(x -> x.id() == id).findFirst().ifPresent(x -> plan = x);
            }
            changed();
        }, this::showError);
    }

    /** Saves if needed, then writes the plan as a GB/T 9704 document to {@code file}; {@code done} gets the file. */
    public void exportTo(Path file, java.util.function.Consumer<Path> done) {
        if (plan == null || outline == null) {
            message.set("请先选择要导出的计划");
            return;
        }
        Plan p = plan;
        PlanOutline o = outline;
        applyPending(selected.get());
        PlanOutline copy = o.snapshot();
        runner.run(() -> {
            if (copy.dirty()) {
                plans.save(p.id(), copy);
            }
            exporter.export(p, file);
            return file;
        }, f -> {
            o.saved(copy);
            message.set("已导出：" + f);
            updateTitle();
            done.accept(f);
        }, e -> {
            showError(e);
            updateTitle();
        });
    }

    private void showError(Throwable e) {
        message.set(Dialogs.inlineText(e));
    }

    // ================================================================ properties

    public Plan currentPlan() {
        return plan;
    }

    public PlanOutline currentOutline() {
        return outline;
    }

    public ObservableList<Org> orgs() {
        return orgs;
    }

    public ObjectProperty<Org> orgProperty() {
        return org;
    }

    /** 年度筛选: a year such as 2022 (full-width digits and 年 allowed), blank for all. */
    public StringProperty yearFilterProperty() {
        return yearFilter;
    }

    public ObservableList<Plan> plans() {
        return planList;
    }

    public StringProperty newTitleProperty() {
        return newTitle;
    }

    public StringProperty newPeriodProperty() {
        return newPeriod;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** “title（period）”, with “ · 未保存” while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Counts the changes of the outline, the open plan and the list: the view redraws on each. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The key of the selected line, or null. */
    public ReadOnlyObjectProperty<Long> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty leadProperty() {
        return lead;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<Org> ownerProperty() {
        return owner;
    }

    public ObjectProperty<LocalDate> dueProperty() {
        return due;
    }

    public ObjectProperty<PlanStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<TargetMetric> metricProperty() {
        return metric;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** “上期结转的条目” for a carried-over line. */
    public ReadOnlyStringProperty carriedProperty() {
        return carried.getReadOnlyProperty();
    }

    /** The activity categories a target may count, led by null (any). */
    public ObservableList<String> categoryNames() {
        return categoryNames;
    }
}
