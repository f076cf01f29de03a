package org.taizhang.ui.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityPage;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.activity.ActivityText;
import org.taizhang.activity.ActivityTotals;
import org.taizhang.activity.Amounts;
import org.taizhang.activity.Category;
import org.taizhang.activity.DeletedActivities;
import org.taizhang.activity.DuplicateActivityException;
import org.taizhang.common.Dates;
import org.taizhang.common.FieldError;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.stats.StatsService;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.TaskRunner;

/**
 * The state of 活动台账 without any control: the filter (period, organisation subtree, category, text,
 * 只看亮点), the loaded rows page by page with a totals line that always covers the whole filter, delete
 * with 撤销, and the quick-entry form — its text, which fields were touched, the validation shown, the
 * duplicate warning, saving and editing. Database work goes through the {@link TaskRunner}; answers to
 * an older filter never overwrite a newer one. Tested without a stage.
 */
public final class ActivityViewModel {
    public static final int PAGE = 500;
    /** The first entry of the category filter. */
    public static final Category ALL_CATEGORIES = new Category(-1, "全部类别", 0, true);

    private final ActivityService service;
    private final OrgService orgs;
    private final StatsService stats;
    private final TaskRunner runner;
    private final Prompts prompts;
    private final Runnable dataChanged;

    // ---------------------------------------------------------------- filter and table
    private final ReadOnlyObjectWrapper<LocalDate> from = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalDate> to = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<OrgChoice> orgFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Category> categoryFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty highlightOnly = new SimpleBooleanProperty(false);
    private final ObservableList<OrgChoice> filterOrgs = FXCollections.observableArrayList();
    private final ObservableList<Category> filterCategories = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Integer> latestYear = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ActivityRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper moreText = new ReadOnlyStringWrapper("加载更多");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(false);
    private ActivitySort sort = ActivitySort.DATE;
    private boolean descending = true;
    private ActivityTotals shownTotals = ActivityTotals.ZERO;
    private int generation;
    /** True while {@link #reload()} fills the lists: filter changes then do not each start a query. */
    private boolean holdRefresh;

    // ---------------------------------------------------------------- quick-entry form
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty endDate = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<OrgChoice> org = new SimpleObjectProperty<>();
    private final StringProperty coOrgs = new SimpleStringProperty("");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty hours = new SimpleStringProperty("");
    private final StringProperty beneficiaries = new SimpleStringProperty("");
    private final StringProperty place = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final BooleanProperty highlight = new SimpleBooleanProperty(false);
    private final BooleanProperty planned = new SimpleBooleanProperty(false);
    private final ObservableList<OrgChoice> formOrgs = FXCollections.observableArrayList();
    private final ObservableList<Category> formCategories = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ValidationException> errors = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper duplicate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper("快速录入");
    private final ReadOnlyStringWrapper saveText = new ReadOnlyStringWrapper("保存（Enter）");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Integer> editingId = new ReadOnlyObjectWrapper<>();
    private final Set<String> touched = new HashSet<>();
    private boolean attempted;
    private boolean filling;
    private Runnable validateLater = this::validate;
    private Runnable onFormReset = () -> { };

    /**
     * @param dataChanged told after every saved, deleted or restored activity (the other tabs reload)
     */
    public ActivityViewModel(ActivityService service, OrgService orgs, StatsService stats, TaskRunner runner, Prompts prompts,
                             Runnable dataChanged) {
        this.service = service;
        this.orgs = orgs;
        this.stats = stats;
        this.runner = runner;
        this.prompts = prompts;
        this.dataChanged = dataChanged;
        for (ObservableValue<?> v : List.of(orgFilter, categoryFilter, search, highlightOnly)) {
            v.addListener((o, a, b) -> filterChanged());
        }
        watch(ActivityService.F_DATE, date);
        watch(ActivityService.F_END, endDate);
        watch(ActivityService.F_NAME, name);
        watch(ActivityService.F_ORG, org);
        watch(ActivityService.F_COORG, coOrgs);
        watch(ActivityService.F_CATEGORY, category);
        watch(ActivityService.F_PARTICIPANTS, participants);
        watch(ActivityService.F_HOURS, hours);
        watch(ActivityService.F_BENEFICIARIES, beneficiaries);
        watch(ActivityService.F_PLACE, place);
        watch(ActivityService.F_DESCRIPTION, description);
        watch(ActivityService.F_DATE, planned); // 计划 changes which dates are allowed
        date.set(Dates.iso(service.today()));
    }

    /** The service this list uses (one instance, so that 撤销 knows the last delete). */
    public ActivityService service() {
        return service;
    }

    // ================================================================ loading

    /** Loads the categories and organisations for the filters and the form, then the rows. */
    public void reload() {
        record Loaded(List<Category> cats, OrgTree tree, int latestYear) {
        }
        runner.run(() -> new Loaded(service.categories(true), new OrgTree(orgs.listAll()), stats.latestYearWithRecords()), r -> {
            holdRefresh = true;
            try {
                Category keepFilter = categoryFilter.get();
                List<Category> filterItems = new ArrayList<>();
                filterItems.add(ALL_CATEGORIES);
                filterItems.addAll(r.cats());
                filterCategories.setAll(filterItems);
                categoryFilter.set(keepFilter == null ? ALL_CATEGORIES
                        : filterItems.stream().filter(c -> c.id() == keepFilter.id()).findFirst().orElse(ALL_CATEGORIES));
                filling = true;
                try {
                    Category keepForm = category.get();
                    formCategories.setAll(r.cats().stream().filter(Category::active).toList());
                    category.set(keepForm == null ? null : formCategories.stream().filter(c -> c.id() == keepForm.id()).findFirst().orElse(null));
                    OrgChoice keepOrg = org.get();
                    List<OrgChoice> formItems = OrgChoice.of(r.tree(), false);
                    formOrgs.setAll(formItems);
                    org.set(OrgChoice.keep(keepOrg, formItems, false));
                } finally {
                    filling = false;
                }
                OrgChoice keepOrgFilter = orgFilter.get();
                List<OrgChoice> orgItems = OrgChoice.of(r.tree(), true);
                filterOrgs.setAll(orgItems);
                orgFilter.set(OrgChoice.keep(keepOrgFilter, orgItems, true));
                latestYear.set(null);
                latestYear.set(r.latestYear()); // the view's period filter may move to that year
            } finally {
                holdRefresh = false;
            }
            refresh();
        }, prompts::error);
    }

    /** The range of the period filter (null ends: open); reloads the rows. */
    public void setPeriod(LocalDate f, LocalDate t) {
        from.set(f);
        to.set(t);
        filterChanged();
    }

    /** The column the rows are sorted by (in SQL, over the whole filter); reloads when it changed. */
    public void sortBy(ActivitySort s, boolean desc) {
        if (s != sort || desc != descending) {
            sort = s;
            descending = desc;
            refresh();
        }
    }

    private void filterChanged() {
        if (!holdRefresh) {
            refresh();
        }
    }

    /** The filter as set now. */
    public ActivityFilter currentFilter() {
        Category c = categoryFilter.get();
        OrgChoice o = orgFilter.get();
        return new ActivityFilter(from.get(), to.get(), o == null ? null : o.id(), c == null || c.id() < 0 ? null : c.id(),
                search.get(), highlightOnly.get());
    }

    /** Reloads the first page and the totals for the current filter. */
    public void refresh() {
        ActivityFilter f = currentFilter();
        int gen = ++generation;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            totalsText.set("结束日期早于开始日期，请调整时间段");
            rows.clear();
            moreAvailable.set(false);
            shownTotals = ActivityTotals.ZERO;
            return;
        }
        ActivitySort s = sort;
        boolean d = descending;
        runner.run(() -> service.list(f, s, d, 0, PAGE), page -> {
            if (gen == generation) {
                rows.setAll(page.rows());
                showTotals(page);
            }
        }, prompts::error);
    }

    /** Loads the next page of the same filter after the rows shown. */
    public void loadMore() {
        ActivityFilter f = currentFilter();
        int gen = generation;
        int offset = rows.size();
        ActivitySort s = sort;
        boolean d = descending;
        runner.run(() -> service.list(f, s, d, offset, PAGE), page -> {
            if (gen == generation) {
                rows.addAll(page.rows());
                showTotals(page);
            }
        }, prompts::error);
    }

    private void showTotals(ActivityPage page) {
        shownTotals = page.totals();
        totalsText.set("合计：" + page.totals().text());
        int shown = rows.size();
        moreAvailable.set(page.totals().count() > shown);
        moreText.set("加载更多（已显示 " + shown + " / " + page.totals().count() + "）");
    }

    /** The totals now shown (always of the whole filter). */
    public ActivityTotals shownTotals() {
        return shownTotals;
    }

    // ================================================================ delete / undo

    /** The question asked before deleting {@code selected}: {header, details}. */
    static String[] deleteQuestion(List<ActivityRow> selected) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(5, selected.size()); i++) {
            names.append("\n· ").append(Dates.iso(selected.get(i).startDate())).append(" ").append(selected.get(i).name());
        }
        if (selected.size() > 5) {
            names.append("\n……等共 ").append(selected.size()).append(" 场");
        }
        return new String[] {"删除所选的 " + selected.size() + " 场活动？", "连同它们的附件一起删除：" + names + "\n\n删除后可以点“撤销删除”恢复。"};
    }

    /** Deletes {@code selected} (with their attachments) after asking; 撤销删除 brings them back. */
    public void delete(List<ActivityRow> selected) {
        if (selected.isEmpty()) {
            return;
        }
        String[] q = deleteQuestion(selected);
        if (!prompts.confirm(q[0], q[1])) {
            return;
        }
        List<Integer> ids = selected.stream().map(ActivityRow::id).toList();
        runner.run(() -> service.remove(ids), (DeletedActivities d) -> {
            status.set("已删除 " + d.count() + " 场活动");
            undoAvailable.set(true);
            dataChanged.run();
            refresh();
        }, prompts::error);
    }

    /** Restores what the last delete removed. */
    public void undoDelete() {
        runner.run(service::undoLastDelete, n -> {
            status.set("已恢复 " + n + " 场活动");
            undoAvailable.set(false);
            dataChanged.run();
            refresh();
        }, prompts::error);
    }

    // ================================================================ the quick-entry form

    private void watch(String field, ObservableValue<?> value) {
        value.addListener((o, a, b) -> {
            if (!filling) {
                touched.add(field);
                validateLater.run();
            }
        });
    }

    /**
     * How a change of the form asks for {@link #validate()}: at once (the default) or, in the window,
     * after typing pauses.
     */
    public void setValidateLater(Runnable r) {
        validateLater = r;
    }

    /** Run after the form was cleared for the next entry (the window puts the cursor into 活动名称). */
    public void setOnFormReset(Runnable r) {
        onFormReset = r;
    }

    /** The form as typed. */
    public ActivityText formText() {
        OrgChoice o = org.get();
        Category c = category.get();
        return new ActivityText(date.get(), endDate.get(), name.get(), o == null || o.id() == null ? null : "#" + o.id(), coOrgs.get(),
                c == null ? null : c.name(), participants.get(), hours.get(), beneficiaries.get(), place.get(), description.get(),
                highlight.get(), planned.get());
    }

    private record Check(ValidationException error, Integer duplicateOf) {
    }

    /** Checks what is typed (off the FX thread) and shows the problems of the fields touched so far and the duplicate warning. */
    public void validate() {
        ActivityText t = formText();
        Integer self = editingId.get();
        OrgChoice o = org.get();
        Integer orgId = o == null ? null : o.id();
        LocalDate day;
        try {
            day = Dates.parse(t.date());
        } catch (UserException e) {
            day = null;
        }
        LocalDate d = day;
        runner.run(() -> {
            ValidationException error = null;
            try {
                service.validate(service.parse(t));
            } catch (ValidationException e) {
                error = e;
            }
            // the duplicate warning does not wait for the other fields to be right
            return new Check(error, service.findDuplicate(orgId, d, t.name(), self).orElse(null));
        }, c -> {
            List<FieldError> shown = c.error() == null ? List.of()
                    : c.error().errors().stream().filter(e -> attempted || touched.contains(e.field())).toList();
            errors.set(shown.isEmpty() ? null : new ValidationException(shown));
            duplicate.set(c.duplicateOf() == null ? "" : "注意：同一主办组织在这一天已登记过同名活动，保存时会再确认。");
        }, prompts::error);
    }

    /**
     * Saves the form (Enter or the button). A possible duplicate is asked about first; on success the
     * organisation, category and date stay for the next entry and the rest is cleared.
     */
    public void save(boolean allowDuplicate) {
        attempted = true;
        ActivityText t = formText();
        Integer id = editingId.get();
        saving.set(true);
        runner.run(() -> {
            ActivityInput in = service.parse(t);
            if (id == null) {
                return service.add(in, allowDuplicate);
            }
            service.update(id, in, allowDuplicate);
            return id;
        }, savedId -> {
            saving.set(false);
            status.set((id == null ? "已保存：" : "已修改：") + t.name().strip() + "（" + t.date().strip() + "）");
            resetForm(false);
            dataChanged.run();
            refresh();
        }, err -> {
            saving.set(false);
            if (err instanceof DuplicateActivityException d) {
                if (prompts.confirm("可能重复登记", d.errors().getFirst().message().replace("。如确需重复登记，请确认后再保存", "。")
                        + "\n\n仍要保存这一条吗？")) {
                    save(true);
                }
            } else if (err instanceof ValidationException v) {
                errors.set(v);
            } else {
                prompts.error(err);
            }
        });
    }

    /** Clears the form for the next entry; {@code all} also forgets organisation, category and date. */
    public void resetForm(boolean all) {
        filling = true;
        editingId.set(null);
        formTitle.set("快速录入");
        saveText.set("保存（Enter）");
        for (StringProperty p : List.of(name, endDate, coOrgs, participants, hours, beneficiaries, place, description)) {
            p.set("");
        }
        highlight.set(false);
        planned.set(false);
        if (all) {
            org.set(null);
            category.set(null);
            date.set(Dates.iso(service.today()));
        }
        filled();
        onFormReset.run();
    }

    /** Ends filling the form: nothing counts as touched yet, and no errors or duplicate warning show. */
    private void filled() {
        filling = false;
        touched.clear();
        attempted = false;
        errors.set(null);
        duplicate.set("");
    }

    /** Loads activity {@code id} into the form for editing. */
    public void edit(int id) {
        record Loaded(ActivityInput in, ActivityRow row) {
        }
        runner.run(() -> new Loaded(service.input(id).orElseThrow(() -> new ValidationException(ActivityService.F_NAME,
                "该活动已不存在，可能已被删除")), service.get(id).orElseThrow()), r -> {
                    ActivityInput in = r.in();
                    filling = true;
                    editingId.set(id);
                    formTitle.set("编辑活动：" + Dates.iso(in.startDate()) + " " + in.name());
                    saveText.set("保存修改（Enter）");
                    date.set(Dates.iso(in.startDate()));
                    endDate.set(in.endDate() == null ? "" : Dates.iso(in.endDate()));
                    name.set(in.name());
                    org.set(formOrgs.stream().filter(o -> Objects.equals(o.id(), in.orgId())).findFirst().orElse(null));
                    coOrgs.set(String.join("、", r.row().coOrgNames()));
                    category.set(formCategories.stream().filter(c -> c.id() == in.categoryId()).findFirst().orElse(null));
                    participants.set(String.valueOf(in.participants()));
                    hours.set(Amounts.hours(in.serviceTenths()));
                    beneficiaries.set(String.valueOf(in.beneficiaries()));
                    place.set(in.place() == null ? "" : in.place());
                    description.set(in.description() == null ? "" : in.description());
                    highlight.set(in.highlight());
                    planned.set(in.planned());
                    filled();
                }, err -> {
                    if (err instanceof UserException u) {
                        status.set(u.getMessage());
                    } else {
                        prompts.error(err);
                    }
                });
    }

    // ================================================================ properties

    public ReadOnlyObjectProperty<LocalDate> fromProperty() {
        return from.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> toProperty() {
        return to.getReadOnlyProperty();
    }

    public ObjectProperty<OrgChoice> orgFilterProperty() {
        return orgFilter;
    }

    public ObjectProperty<Category> categoryFilterProperty() {
        return categoryFilter;
    }

    /** The text searched in name, place and description. */
    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty highlightOnlyProperty() {
        return highlightOnly;
    }

    /** The organisations of the filter, led by 全部组织. */
    public ObservableList<OrgChoice> filterOrgs() {
        return filterOrgs;
    }

    /** The categories of the filter, led by 全部类别 (retired ones too). */
    public ObservableList<Category> filterCategories() {
        return filterCategories;
    }

    /** The latest year with records, after each {@link #reload()} (the period filter opens on it). */
    public ReadOnlyObjectProperty<Integer> latestYearProperty() {
        return latestYear.getReadOnlyProperty();
    }

    public ObservableList<ActivityRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty totalsTextProperty() {
        return totalsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty moreTextProperty() {
        return moreText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty endDateProperty() {
        return endDate;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<OrgChoice> orgProperty() {
        return org;
    }

    public StringProperty coOrgsProperty() {
        return coOrgs;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public StringProperty participantsProperty() {
        return participants;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public StringProperty beneficiariesProperty() {
        return beneficiaries;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty highlightProperty() {
        return highlight;
    }

    public BooleanProperty plannedProperty() {
        return planned;
    }

    /** The organisations the form offers. */
    public ObservableList<OrgChoice> formOrgs() {
        return formOrgs;
    }

    /** The categories the form offers (active ones). */
    public ObservableList<Category> formCategories() {
        return formCategories;
    }

    /** The problems to show under the fields (only of fields touched, or all after a save was tried); null: none. */
    public ReadOnlyObjectProperty<ValidationException> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty duplicateWarningProperty() {
        return duplicate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveTextProperty() {
        return saveText.getReadOnlyProperty();
    }

    /** True while a save runs (the button waits). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The activity being edited, or null for a new one. */
    public ReadOnlyObjectProperty<Integer> editingIdProperty() {
        return editingId.getReadOnlyProperty();
    }
}
