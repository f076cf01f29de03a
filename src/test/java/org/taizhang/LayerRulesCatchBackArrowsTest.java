package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.taizhang.archfixture.cli.DemoDataFactory;
import org.taizhang.archfixture.cli.Launcher;
import org.taizhang.archfixture.common.Texts;
import org.taizhang.archfixture.db.Database;
import org.taizhang.archfixture.org.Subtree;
import org.taizhang.archfixture.person.Phones;
import org.taizhang.archfixture.report.Numbers;
import org.taizhang.archfixture.report.SummaryComposer;

/**
 * The rules of {@link ArchitectureTest} are not green by accident: on fixture classes that repeat the first
 * version's back-arrows they fail, naming the offending classes; on the arrows that point down they pass.
 */
class LayerRulesCatchBackArrowsTest {
    static final String ROOT = "org.taizhang.archfixture";
    static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult r = rule.evaluate(classes);
        assertThat(r.hasViolation()).as("rule %s should fail on the fixture", rule.getDescription()).isTrue();
        return String.join("\n", r.getFailureReport().getDetails());
    }

    @Test
    void theFixtureIsThere() {
        assertThat(FIXTURE.size()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void uiUsingTheCommandLineIsCaught() {
        assertThat(violations(ArchitectureTest.layers(ROOT), FIXTURE))
                .containsPattern("archfixture\\.ui\\.Window.*archfixture\\.cli\\.DemoDataFactory");
        assertThat(violations(ArchitectureTest.noCycles(ROOT), FIXTURE)).contains("ui").contains("cli");
    }

    @Test
    void planUsingReportIsCaughtByEveryRuleThatShould() {
        assertThat(violations(ArchitectureTest.layers(ROOT), FIXTURE))
                .containsPattern("archfixture\\.plan\\.PlanOutline.*archfixture\\.report\\.Numbers");
        assertThat(violations(ArchitectureTest.featuresNeverReachUp(ROOT), FIXTURE))
                .containsPattern("archfixture\\.plan\\.PlanOutline.*archfixture\\.report\\.Numbers");
        assertThat(violations(ArchitectureTest.noCycles(ROOT), FIXTURE)).contains("plan").contains("report");
    }

    @Test
    void organisationsAndPeopleUsingEachOtherIsACycle() {
        String cycles = violations(ArchitectureTest.noCycles(ROOT), FIXTURE);
        assertThat(cycles).contains("archfixture.org.OrgService").contains("archfixture.person.Phones")
                .contains("archfixture.person.PersonService").contains("archfixture.org.Subtree");
    }

    @Test
    void javaFxInAFeaturePackageIsCaught() {
        assertThat(violations(ArchitectureTest.javaFxOnlyInUi(ROOT), FIXTURE))
                .contains("archfixture.honor.HonorChart").contains("javafx.scene.control.Label");
    }

    @Test
    void arrowsThatPointDownPass() {
        // the shape after the fix: the command line opens the window, report composes plans, db uses common
        JavaClasses good = new ClassFileImporter().importClasses(Launcher.class, DemoDataFactory.class, SummaryComposer.class,
                Numbers.class, Database.class, Texts.class, Subtree.class, Phones.class);
        for (ArchRule rule : ArchitectureTest.all(ROOT)) {
            assertThat(rule.evaluate(good).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }
}
