package org.taizhang.ui.honor;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.taizhang.ui.OrgPicker;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.honor.HonorText;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Form;
import org.taizhang.ui.activity.OrgChoice;

/** Adds or edits an honour; errors appear under their fields and the dialog stays open. */
final class HonorDialog extends Dialog<Integer> {
    private final Form form = new Form();

    /** @param existing the honour to edit, or null to add one */
    HonorDialog(Window owner, AppContext ctx, HonorService service, List<OrgChoice> orgs, HonorRow existing) {
        initOwner(owner);
        setTitle(existing == null ? "新增荣誉" : "编辑荣誉");
        setHeaderText(existing == null ? "登记一项荣誉：集体荣誉选获奖组织；个人荣誉填获奖人的姓名或身份证号，组织可不选"
                : "修改“" + existing.title() + "”（" + existing.recipient() + "）");
        DatePicker date = form.add(HonorService.F_DATE, Form.datePicker());
        date.setEditable(true);
        TextField title = form.add(HonorService.F_TITLE, new TextField());
        title.setPromptText("如 全国五四红旗团支部、三八红旗手");
        ComboBox<String> level = form.add(HonorService.F_LEVEL, new ComboBox<>());
        level.getItems().setAll(HonorService.LEVELS);
        ComboBox<String> kind = form.add(HonorService.F_KIND, new ComboBox<>());
        kind.getItems().setAll(HonorService.KINDS);
        kind.setValue(HonorService.COLLECTIVE);
        ComboBox<OrgChoice> org = form.add(HonorService.F_ORG, OrgPicker.choices(null));
        OrgChoice.decorate(org);
        org.getItems().setAll(orgs);
        TextField person = form.add(HonorService.F_PERSON, new TextField());
        person.setPromptText("个人荣誉：姓名或身份证号");
        person.disableProperty().bind(kind.valueProperty().isEqualTo(HonorService.COLLECTIVE));
        TextField issuer = form.add(HonorService.F_ISSUER, new TextField());
        issuer.setPromptText("如 共青团中央、省妇联");
        TextField note = form.add(HonorService.F_NOTE, new TextField());
        getDialogPane().setContent(form.node());
        if (existing != null) {
            date.setValue(existing.date());
            title.setText(existing.title());
            level.setValue(existing.level());
            kind.setValue(existing.kind());
            org.setValue(orgs.stream().filter(c -> c.id() != null && c.id() == existing.orgId()).findFirst().orElse(null));
            person.setText(existing.personName() == null ? "" : existing.personName());
            issuer.setText(existing.issuer());
            note.setText(existing.note());
        }
        form.bindSave(this, "保存", "honor-save", ctx, () -> {
            OrgChoice o = org.getValue();
            boolean individual = HonorService.INDIVIDUAL.equals(kind.getValue());
            // the person shown when editing is the one on file (by number, not by a name another may share)
            String who = individual && existing != null && existing.personId() != null
                    && person.getText().strip().equals(existing.personName()) ? "#" + existing.personId() : person.getText();
            return new HonorText(date.getEditor().getText(), title.getText(), level.getValue(), kind.getValue(),
                    o == null || o.id() == null ? null : "#" + o.id(), individual ? who : null, issuer.getText(),
                    note.getText());
        }, t -> {
            if (existing == null) {
                return service.add(service.parse(t));
            }
            service.update(existing.id(), service.parse(t));
            return existing.id();
        });
    }
}
