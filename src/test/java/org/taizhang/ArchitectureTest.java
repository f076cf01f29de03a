package org.taizhang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes: arrows point down
 * (entry → cli → ui → app → io/report/exchange → stats/plan → features → db → common), JavaFX stays in {@code ui},
 * feature packages never reach up, and no two packages depend on each other in a circle.
 * The rules are built for a root package so that {@link LayerRulesCatchBackArrowsTest} can show them failing on
 * fixtures that repeat the back-arrows this code once had.
 */
class ArchitectureTest {
    static final List<String> FEATURES = List.of("org", "person", "activity", "honor", "attachment", "demo");
    static final List<String> UPPER = List.of("ui", "cli", "app", "io", "report", "exchange");

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.taizhang");
    }

    /** No JavaFX (nor the JavaFX-based libraries) outside {@code root.ui}. */
    static ArchRule javaFxOnlyInUi(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .because("JavaFX belongs to the window (ui); services are plain Java, testable without a stage");
    }

    /** Feature packages (and stats, plan, db, common) never use ui, cli, app, io, report or exchange. */
    static ArchRule featuresNeverReachUp(String root) {
        String[] lower = java.util.stream.Stream.concat(FEATURES.stream(), java.util.stream.Stream.of("stats", "plan", "db", "common"))
                .map(p -> root + "." + p + "..").toArray(String[]::new);
        String[] upper = UPPER.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(lower).should().dependOnClassesThat().resideInAnyPackage(upper)
                .because("a feature is used by the layers above it and never uses them");
    }

    /** The layers, each used only by those above it. */
    static ArchRule layers(String root) {
        String[] features = FEATURES.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return layeredArchitecture().consideringOnlyDependenciesInAnyPackage(root + "..")
                .withOptionalLayers(true)
                .layer("Entry").definedBy(root)
                .layer("Cli").definedBy(root + ".cli..")
                .layer("Ui").definedBy(root + ".ui..")
                .layer("App").definedBy(root + ".app..")
                .layer("Output").definedBy(root + ".io..", root + ".report..", root + ".exchange..")
                .layer("Figures").definedBy(root + ".stats..", root + ".plan..")
                .layer("Features").definedBy(features)
                .layer("Db").definedBy(root + ".db..")
                .layer("Common").definedBy(root + ".common..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Entry", "Cli")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui")
                .whereLayer("Output").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui", "App")
                .whereLayer("Figures").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui", "App", "Output")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui", "App", "Output", "Figures")
                .whereLayer("Db").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui", "App", "Output", "Figures", "Features")
                .whereLayer("Common").mayOnlyBeAccessedByLayers("Entry", "Cli", "Ui", "App", "Output", "Figures", "Features", "Db")
                .whereLayer("Common").mayNotAccessAnyLayer()
                .whereLayer("Db").mayOnlyAccessLayers("Common");
    }

    /** No cycles between the packages directly under {@code root} (a subpackage counts with its parent). */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static List<ArchRule> all(String root) {
        return List.of(javaFxOnlyInUi(root), featuresNeverReachUp(root), layers(root), noCycles(root));
    }

    @Test
    void theMainClassesWereFound() {
        // guards against a green test that checked nothing
        assertThat(main.stream().map(c -> c.getPackageName()).distinct())
                .contains("org.taizhang.ui", "org.taizhang.cli", "org.taizhang.app", "org.taizhang.stats", "org.taizhang.common");
        assertThat(main.size()).isGreaterThan(200);
    }

    @Test
    void javaFxOnlyInUi() {
        javaFxOnlyInUi("org.taizhang").check(main);
    }

    @Test
    void featuresNeverReachUp() {
        featuresNeverReachUp("org.taizhang").check(main);
    }

    @Test
    void layersPointDown() {
        layers("org.taizhang").check(main);
    }

    @Test
    void noPackageCycles() {
        noCycles("org.taizhang").check(main);
    }

    static EvaluationResult evaluate(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes);
    }
}
