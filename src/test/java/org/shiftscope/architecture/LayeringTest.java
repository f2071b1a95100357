// Keeps the architecture visible in the layout (docs/architecture.md): the model never depends on the UI
// or on the application wiring, and no two packages depend on each other.
package org.shiftscope.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class LayeringTest {
    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.shiftscope");

    @Test
    void modelDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.shiftscope.model..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the model must run headless (CLI, CI, tests) and never touch UI objects")
                .check(classes);
    }

    @Test
    void modelDoesNotDependOnUiOrApp() {
        noClasses().that().resideInAPackage("org.shiftscope.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shiftscope.ui..", "org.shiftscope.app..")
                .because("the model is the bottom layer; the UI and the app wire it, not the other way round")
                .check(classes);
    }

    @Test
    void modelPackagesAreFreeOfCycles() {
        slices().matching("org.shiftscope.model.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersAreFreeOfCycles() {
        slices().matching("org.shiftscope.(*)..").should().beFreeOfCycles().check(classes);
    }
}
