package org.taizhang.ui.roster;

import java.time.LocalDate;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.taizhang.common.Texts;
import org.taizhang.common.Validator;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.IdNumber;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonRow;
import org.taizhang.person.PersonService;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Form;

/**
 * Add a person to an organisation or edit one. The ID number is checked as it is typed, and the
 * gender and birth date it encodes are shown at once.
 */
final class PersonDialog extends Dialog<Integer> {
    /** What the dialog collected. */
    record Result(PersonInput person, String role, LocalDate joined) {
    }

    private final Form form = new Form();
    private final TextField name = new TextField();
    private final TextField idNumber = new TextField();
    private final Label derived = new Label();
    private final ComboBox<String> gender = new ComboBox<>();
    private final DatePicker birth = Form.datePicker();
    private final TextField phone = new TextField();
    private final ComboBox<String> political = new ComboBox<>();
    private final ComboBox<String> role = new ComboBox<>();
    private final DatePicker joined = Form.datePicker();

    PersonDialog(Window owner, AppContext ctx, String orgName, PersonRow existing, Function<Result, Integer> save) {
        initOwner(owner);
        setTitle(existing == null ? "新增人员" : "编辑人员");
        setHeaderText(existing == null ? "加入“" + orgName + "”" : existing.name() + "（" + existing.orgName() + "）");
        gender.getItems().setAll("男", "女");
        political.getItems().setAll(PersonService.POLITICAL_STATUSES);
        role.getItems().setAll(PersonService.COMMON_ROLES);
        role.setEditable(true);
        form.add(PersonService.F_NAME, name);
        idNumber.setPromptText("18位，末位可为X");
        form.add(PersonService.F_ID, idNumber, "性别和出生日期由身份证号自动得出，不用另填");
        derived.getStyleClass().add("detail-label");
        form.add("自动识别", derived);
        form.add(PersonService.F_GENDER, gender);
        form.add(PersonService.F_BIRTH, birth);
        form.add(PersonService.F_PHONE, phone);
        form.add(PersonService.F_POLITICAL, political);
        form.add(PersonService.F_ROLE, role);
        form.add(PersonService.F_JOINED, joined);
        idNumber.textProperty().addListener((o, a, b) -> checkId());
        if (existing != null) {
            name.setText(existing.name());
            idNumber.setText(existing.idNumber());
            gender.setValue(existing.gender());
            birth.setValue(existing.birthDate());
            phone.setText(existing.phone());
            political.setValue(existing.politicalStatus());
            role.setValue(existing.role());
            joined.setValue(existing.joinedOn());
        } else {
            role.setValue("会员");
        }
        getDialogPane().setContent(form.node());
        form.bindSave(this, "保存", "person-save", ctx, () -> {
            boolean hasId = !Texts.isBlank(idNumber.getText());
            return new Result(new PersonInput(name.getText(), idNumber.getText(), hasId ? null : gender.getValue(),
                    hasId ? null : form.date(birth, PersonService.F_BIRTH), phone.getText(), political.getValue(), null),
                    role.getEditor().getText(), form.date(joined, PersonService.F_JOINED));
        }, r -> {
            // a date the form could not read: the service still checks everything else, so all errors show at once
            Validator v = new Validator();
            PersonInput p = ctx.people().validatePerson(v, r.person());
            PersonService.validateMembershipFields(v, new MembershipInput(0, r.role(), r.joined()), p.birthDate());
            v.throwIfAny();
        }, save);
    }

    private void checkId() {
        String text = idNumber.getText();
        if (Texts.isBlank(text)) {
            form.setError(PersonService.F_ID, null);
            derived.setText("");
            gender.setDisable(false);
            birth.setDisable(false);
            return;
        }
        try {
            IdNumber id = IdNumber.parse(text, LocalDate.now());
            form.setError(PersonService.F_ID, null);
            derived.setText(id.gender() + "，" + id.birthDate() + " 出生，" + id.ageOn(LocalDate.now()) + " 岁");
            gender.setValue(id.gender());
            birth.setValue(id.birthDate());
            gender.setDisable(true);
            birth.setDisable(true);
        } catch (IdNumber.InvalidIdNumberException ex) {
            // while typing, a short number is not yet an error worth shouting about
            String compact = Texts.compactCode(text);
            form.setError(PersonService.F_ID, compact.length() < 18 && !ex.getMessage().contains("15位") ? null : ex.getMessage());
            derived.setText(compact.length() < 18 ? "已输入 " + compact.length() + " 位" : "");
            gender.setDisable(false);
            birth.setDisable(false);
        }
    }
}
