package org.taizhang.honor;

/**
 * An honour as typed (form, command line, spreadsheet row). {@code org}: organisation name or "#编号";
 * {@code person}: "#编号", 身份证号, or a name that is unique in the organisation.
 */
public record HonorText(String date, String title, String level, String kind, String org, String person, String issuer,
                        String note) {
    /** The text form of a stored honour, for editing: organisation and person by "#编号". */
    public static HonorText of(HonorRow r) {
        return new HonorText(r.date().toString(), r.title(), r.level(), r.kind(), "#" + r.orgId(),
                r.personId() == null ? null : "#" + r.personId(), r.issuer(), r.note());
    }
}
