package org.taizhang.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taizhang.common.PlanStatus;
import org.taizhang.common.UserException;

class PlanOutlineTest {
    PlanOutline o;
    PlanNode s1;
    PlanNode s2;
    PlanNode a;
    PlanNode b;
    PlanNode c;

    /** 一、思想引领 (一是a 二是b) 二、组织建设 (一是c) */
    @BeforeEach
    void build() {
        o = new PlanOutline();
        s1 = o.addSection(ItemFields.heading("思想引领"));
        a = o.addChild(s1.key(), ItemFields.item("深化学习。", "组织学习𠮷"));
        b = o.addChild(s1.key(), ItemFields.item("开展宣讲。", "宣讲🎉"));
        s2 = o.addSection(ItemFields.heading("组织建设"));
        c = o.addChild(s2.key(), ItemFields.item("完成换届。", "２５个社区"));
    }

    private List<String> shape() {
        return o.lines().stream().map(l -> "  ".repeat(l.depth()) + l.number() + l.node().fields().lead()).toList();
    }

    @Test
    void numbersFollowThePlace() {
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是开展宣讲。", "二、组织建设", "  一是完成换届。");
        assertThat(o.kindOf(s1.key())).isEqualTo(PlanOutline.Kind.SECTION);
        assertThat(o.kindOf(a.key())).isEqualTo(PlanOutline.Kind.ITEM);
        assertThat(o.items()).hasSize(3);
        assertThat(o.dirty()).isTrue();
    }

    @Test
    void addAfterAndEdit() {
        PlanNode x = o.addAfter(a.key(), ItemFields.item("新增。", ""));
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是新增。", "  三是开展宣讲。", "二、组织建设", "  一是完成换届。");
        o.edit(x.key(), x.fields().withLead("改过。").withStatus(PlanStatus.DONE));
        assertThat(o.find(x.key()).fields().lead()).isEqualTo("改过。");
        assertThat(o.find(x.key()).fields().status()).isEqualTo(PlanStatus.DONE);
        o.undo();
        assertThat(o.find(x.key()).fields().lead()).isEqualTo("新增。");
        o.redo();
        assertThat(o.find(x.key()).fields().lead()).isEqualTo("改过。");
    }

    @Test
    void editingWithSameFieldsIsNoStep() {
        PlanOutline fresh = new PlanOutline();
        PlanNode n = fresh.load(null, 7, ItemFields.heading("x"));
        fresh.edit(n.key(), ItemFields.heading("x"));
        assertThat(fresh.canUndo()).isFalse();
        assertThat(fresh.dirty()).isFalse();
    }

    @Test
    void deleteTakesTheSubtreeAndUndoBringsItBack() {
        o.delete(s1.key());
        assertThat(shape()).containsExactly("一、组织建设", "  一是完成换届。");
        assertThatThrownBy(() -> o.find(a.key())).hasMessageContaining("没有这一条");
        assertThat(o.undo()).isTrue();
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是开展宣讲。", "二、组织建设", "  一是完成换届。");
        assertThat(o.redo()).isTrue();
        assertThat(shape()).containsExactly("一、组织建设", "  一是完成换届。");
        assertThat(o.redo()).isFalse();
    }

    @Test
    void moveUpAndDownStayAmongSiblings() {
        assertThat(o.moveUp(a.key())).isFalse();
        assertThat(o.moveDown(a.key())).isTrue();
        assertThat(shape()).containsExactly("一、思想引领", "  一是开展宣讲。", "  二是深化学习。", "二、组织建设", "  一是完成换届。");
        assertThat(o.moveDown(a.key())).isFalse();
        assertThat(o.moveUp(s2.key())).isTrue();
        assertThat(shape()).containsExactly("一、组织建设", "  一是完成换届。", "二、思想引领", "  一是开展宣讲。", "  二是深化学习。");
        o.undo();
        o.undo();
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是开展宣讲。", "二、组织建设", "  一是完成换届。");
        assertThat(o.canUndo()).isTrue();
        assertThat(o.canRedo()).isTrue();
    }

    @Test
    void indentMakesSubsectionsAndOutdentUndoesIt() {
        // b under a: a becomes a subsection （一） with item 一是 b
        assertThat(o.indent(a.key())).isFalse();
        assertThat(o.indent(b.key())).isTrue();
        assertThat(shape()).containsExactly("一、思想引领", "  （一）深化学习。", "    一是开展宣讲。", "二、组织建设", "  一是完成换届。");
        assertThat(o.kindOf(a.key())).isEqualTo(PlanOutline.Kind.SUBSECTION);
        assertThat(o.depth(b.key())).isEqualTo(2);
        // no fourth level
        PlanNode deep = o.addChild(a.key(), ItemFields.item("再一条。", ""));
        assertThat(o.indent(deep.key())).isFalse();
        assertThatThrownBy(() -> o.addChild(deep.key(), ItemFields.item("x", ""))).hasMessageContaining("最多三级");
        // a section with children cannot go under another section's item level
        assertThat(o.indent(s2.key())).isTrue();
        assertThat(o.parentOf(s2.key())).isSameAs(o.find(s1.key()));
        assertThat(o.outdent(s2.key())).isTrue();
        assertThat(o.outdent(s2.key())).isFalse();
        assertThat(o.outdent(b.key())).isTrue();
        assertThat(shape()).containsExactly("一、思想引领", "  （一）深化学习。", "    一是再一条。", "  一是开展宣讲。", "二、组织建设", "  一是完成换届。");
        while (o.canUndo()) {
            o.undo();
        }
        assertThat(o.roots()).isEmpty();
        while (o.canRedo()) {
            o.redo();
        }
        assertThat(shape()).containsExactly("一、思想引领", "  （一）深化学习。", "    一是再一条。", "  一是开展宣讲。", "二、组织建设", "  一是完成换届。");
    }

    @Test
    void newStepClearsRedo() {
        o.moveDown(a.key());
        o.undo();
        assertThat(o.canRedo()).isTrue();
        o.addSection(ItemFields.heading("三"));
        assertThat(o.canRedo()).isFalse();
    }

    @Test
    void dragAndDropMove() {
        assertThat(o.moveTo(c.key(), s1.key(), 1)).isTrue();
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是完成换届。", "  三是开展宣讲。", "二、组织建设");
        assertThat(o.moveTo(s1.key(), a.key(), 0)).isFalse(); // not into its own subtree
        assertThat(o.moveTo(s2.key(), null, 0)).isTrue();
        assertThat(shape().getFirst()).isEqualTo("一、组织建设");
        o.undo();
        o.undo();
        assertThat(shape()).containsExactly("一、思想引领", "  一是深化学习。", "  二是开展宣讲。", "二、组织建设", "  一是完成换届。");
    }

    @Test
    void unknownKeyIsRefused() {
        assertThatThrownBy(() -> o.delete(999)).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> o.moveUp(999)).isInstanceOf(UserException.class);
    }
}
