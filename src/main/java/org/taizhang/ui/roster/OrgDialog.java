package org.taizhang.ui.roster;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.taizhang.common.Validator;
import org.taizhang.org.Org;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgType;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Form;

/**
 * Add/edit an organisation. "保存" validates in the service (on the background thread); errors
 * appear under their fields and the dialog stays open, so nothing typed is lost.
 */
final class OrgDialog extends Dialog<Integer> {
    private final Form form = new Form();
    private final TextField name = new TextField();
    private final ComboBox<OrgType> type = new ComboBox<>();
    private final DatePicker founded = Form.datePicker();
    private final TextField term = new TextField();
    private final DatePicker lastElection = Form.datePicker();
    private final TextField contact = new TextField();
    private final TextField phone = new TextField();
    private final TextField note = new TextField();

    /**
     * @param existing the organisation to edit, or null to add one under {@code parent}
     * @param save     runs on the background thread: stores the input, returns the organisation id
     */
    OrgDialog(Window owner, AppContext ctx, List<OrgType> types, Org existing, Org parent, String parentPath,
              Function<OrgInput, Integer> save) {
        initOwner(owner);
        setTitle(existing == null ? "新增组织" : "编辑组织");
        setHeaderText(existing == null ? (parent == null ? "新增顶级组织" : "在“" + parent.name() + "”下新增组织")
                : "编辑“" + existing.name() + "”");
        type.getItems().setAll(types);
        form.add(OrgService.F_NAME, name);
        form.add(OrgService.F_TYPE, type);
        form.add(OrgService.F_PARENT, new Label(parentPath == null ? "（顶级组织）" : parentPath));
        form.add(OrgService.F_FOUNDED, founded);
        term.setPromptText("不填则按组织类型默认");
        form.add(OrgService.F_TERM, term);
        form.add(OrgService.F_ELECTION, lastElection);
        form.add(OrgService.F_CONTACT, contact);
        form.add(OrgService.F_PHONE, phone);
        form.add("备注", note);
        if (existing != null) {
            name.setText(existing.name());
            type.getSelectionModel().select(types.stream().filter(t -> t.id() == existing.typeId()).findFirst().orElse(null));
            founded.setValue(existing.foundedOn());
            term.setText(existing.ownTermYears() == null ? "" : existing.ownTermYears().toString());
            lastElection.setValue(existing.lastElectionOn());
            contact.setText(existing.contactPerson());
            phone.setText(existing.contactPhone());
            note.setText(existing.note());
        } else {
            // a new organisation's type follows its name as the clerk types it (南园社区团委 → 团委), by the same rule
            // as the importer, until the clerk picks a type; a name that says nothing keeps the parent's type
            OrgType parentType = parent == null ? null : types.stream().filter(t -> t.id() == parent.typeId()).findFirst().orElse(null);
            type.getSelectionModel().select(parentType);
            boolean[] inferring = {false};
            boolean[] chosen = {false};
            type.valueProperty().addListener((o, a, b) -> chosen[0] |= !inferring[0]);
            name.textProperty().addListener((o, a, b) -> {
                if (chosen[0]) {
                    return;
                }
                OrgType byName = OrgService.typeForName(org.taizhang.common.Texts.clean(b), types);
                inferring[0] = true;
                type.setValue(byName != null ? byName : parentType);
                inferring[0] = false;
            });
        }
        getDialogPane().setContent(form.node());
        Integer parentId = existing != null ? existing.parentId() : parent == null ? null : parent.id();
        form.bindSave(this, "保存", "org-save", ctx, () -> new OrgInput(name.getText(),
                type.getValue() == null ? -1 : type.getValue().id(), parentId, form.date(founded, OrgService.F_FOUNDED),
                parseTerm(), form.date(lastElection, OrgService.F_ELECTION), contact.getText(), phone.getText(),
                note.getText()), in -> {
                    // a field the form could not read: the other fields are still checked, all errors show at once
                    Validator v = new Validator();
                    ctx.orgs().validateFields(v, in);
                    v.check(in.typeId() > 0, OrgService.F_TYPE, "请选择组织类型");
                    v.throwIfAny();
                }, save);
        name.requestFocus();
    }

    private Integer parseTerm() {
        String t = org.taizhang.common.Texts.compactCode(term.getText());
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(t.replace("年", ""));
        } catch (NumberFormatException e) {
            form.problem(OrgService.F_TERM, "“" + term.getText().strip() + "”不是年数，请填写数字，如 5");
            return null;
        }
    }
}
