package org.taizhang.ui.roster;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.taizhang.common.ValidationException;
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
        } else if (parent != null) {
            type.getSelectionModel().select(types.stream().filter(t -> t.id() == parent.typeId()).findFirst().orElse(null));
        }
        getDialogPane().setContent(form.node());
        Integer parentId = existing != null ? existing.parentId() : parent == null ? null : parent.id();
        form.bindSave(this, "保存", "org-save", ctx, () -> new OrgInput(name.getText(),
                type.getValue() == null ? -1 : type.getValue().id(), parentId, Form.dateOf(founded, OrgService.F_FOUNDED),
                parseTerm(), Form.dateOf(lastElection, OrgService.F_ELECTION), contact.getText(), phone.getText(),
                note.getText()), save);
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
            throw new ValidationException(OrgService.F_TERM, "请填写年数，如 5");
        }
    }
}
