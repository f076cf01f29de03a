package org.taizhang.ui.honor;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.taizhang.common.ValidationException;
import org.taizhang.honor.HonorService;
import org.taizhang.honor.HonorText;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.activity.OrgChoice;

/** Adds an honour; errors appear under their fields and the dialog stays open. */
final class HonorDialog extends Dialog<Integer> {
    private final Form form = new Form();

    HonorDialog(Window owner, AppContext ctx, HonorService service, List<OrgChoice> orgs) {
        initOwner(owner);
        setTitle("新增荣誉");
        setHeaderText("登记一项荣誉：集体荣誉选获奖组织；个人荣誉填获奖人（姓名、#编号或身份证号），组织可不选");
        DatePicker date = form.add(HonorService.F_DATE, Form.datePicker());
        date.setEditable(true);
        TextField title = form.add(HonorService.F_TITLE, new TextField());
        title.setPromptText("如 全国五四红旗团支部、三八红旗手");
        ComboBox<String> level = form.add(HonorService.F_LEVEL, new ComboBox<>());
        level.getItems().setAll(HonorService.LEVELS);
        ComboBox<String> kind = form.add(HonorService.F_KIND, new ComboBox<>());
        kind.getItems().setAll(HonorService.KINDS);
        kind.setValue(HonorService.COLLECTIVE);
        ComboBox<OrgChoice> org = form.add(HonorService.F_ORG, new ComboBox<>());
        OrgChoice.decorate(org);
        org.getItems().setAll(orgs);
        TextField person = form.add(HonorService.F_PERSON, new TextField());
        person.setPromptText("个人荣誉：姓名、#编号或身份证号");
        person.disableProperty().bind(kind.valueProperty().isEqualTo(HonorService.COLLECTIVE));
        TextField issuer = form.add(HonorService.F_ISSUER, new TextField());
        issuer.setPromptText("如 共青团中央、省妇联");
        TextField note = form.add(HonorService.F_NOTE, new TextField());
        getDialogPane().setContent(form.node());
        ButtonType ok = new ButtonType("保存", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("honor-save");
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            OrgChoice o = org.getValue();
            boolean individual = HonorService.INDIVIDUAL.equals(kind.getValue());
            HonorText t = new HonorText(date.getEditor().getText(), title.getText(), level.getValue(), kind.getValue(),
                    o == null || o.id() == null ? null : "#" + o.id(), individual ? person.getText() : null, issuer.getText(),
                    note.getText());
            okButton.setDisable(true);
            ctx.background().run(() -> service.add(service.parse(t)), id -> {
                setResult(id);
                close();
            }, err -> {
                okButton.setDisable(false);
                if (err instanceof ValidationException v) {
                    form.show(v);
                } else {
                    Dialogs.error(owner, err);
                }
            });
        });
        setResultConverter(b -> null);
    }
}
