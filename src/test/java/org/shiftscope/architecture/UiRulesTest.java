// The rules of the ui layer (docs/architecture.md): its feature packages are free of cycles, view-models
// touch no JavaFX node and no view class (they hold properties only), and ui.charts draws without knowing
// where its data come from.
package org.shiftscope.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class UiRulesTest {
    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.shiftscope");

    @Test
    void uiFeaturePackagesAreFreeOfCycles() {
        slices().matching("org.shiftscope.ui.(*)..").should().beFreeOfCycles().check(ui);
    }

    @Test
    void viewModelsTouchNoNodeAndNoView() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Panel")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Bar")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Board")
                .because("a view-model holds properties and commands; the views bind to it")
                .check(ui);
    }

    @Test
    void viewModelsLiveInTheUi() {
        classes().that().haveSimpleNameEndingWith("ViewModel").should().resideInAPackage("org.shiftscope.ui..").check(ui);
    }

    @Test
    void chartsKnowNothingOfRunsOrControls() {
        noClasses().that().resideInAPackage("org.shiftscope.ui.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shiftscope.ui.runs..", "org.shiftscope.ui.controls..",
                        "org.shiftscope.ui.main..", "org.shiftscope.ui.classroom..", "org.shiftscope.ui.export..")
                .check(ui);
    }
}
