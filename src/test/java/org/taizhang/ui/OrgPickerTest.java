package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.ui.activity.OrgChoice;

/** The picker's search, without a stage: name or pinyin initials, tree order kept, each match with its path. */
class OrgPickerTest {
    private static final List<OrgChoice> TREE = List.of(
            OrgChoice.ALL,
            new OrgChoice(1, "示范区群团工作部", 0),
            new OrgChoice(2, "示范区总工会", 1),
            new OrgChoice(3, "园岭街道总工会", 2),
            new OrgChoice(4, "𠮷祥社区团委🎉", 2),
            new OrgChoice(5, "示范区妇联", 1),
            new OrgChoice(6, "园岭街道妇联", 2));

    private static List<OrgPicker.Line<OrgChoice>> search(String q) {
        Map<OrgChoice, Integer> depths = new IdentityHashMap<>();
        TREE.forEach(c -> depths.put(c, c.depth()));
        return OrgPicker.filter(TREE, OrgChoice::name, depths, q);
    }

    @Test
    void pinyinInitialsFindTheOrganisationWithItsPath() {
        assertThat(search("yljd")).extracting(l -> l.item().name(), OrgPicker.Line::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("园岭街道总工会", "示范区群团工作部 / 示范区总工会"),
                org.assertj.core.groups.Tuple.tuple("园岭街道妇联", "示范区群团工作部 / 示范区妇联"));
        assertThat(search("YLJDFL")).extracting(l -> l.item().id()).containsExactly(6);
    }

    @Test
    void partOfTheNameFullWidthAndRareCharactersMatch() {
        assertThat(search("总工会")).extracting(l -> l.item().id()).containsExactly(2, 3);
        assertThat(search("𠮷祥")).extracting(l -> l.item().id(), OrgPicker.Line::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, 2));
        assertThat(search("ｙｌｊｄ")).hasSize(2);
        assertThat(search("没有这个")).isEmpty();
    }

    @Test
    void aBlankQueryListsEveryEntryInTreeOrder() {
        assertThat(search(" ")).extracting(l -> l.item().name()).containsExactly("全部组织", "示范区群团工作部", "示范区总工会",
                "园岭街道总工会", "𠮷祥社区团委🎉", "示范区妇联", "园岭街道妇联");
        assertThat(search("")).extracting(OrgPicker.Line::path).element(3).isEqualTo("示范区群团工作部 / 示范区总工会");
    }
}
