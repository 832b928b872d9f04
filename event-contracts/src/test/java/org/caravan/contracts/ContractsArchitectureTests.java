package org.caravan.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractsArchitectureTests {

    @Test
    void contractsDependOnNothingButTheJdkAndJacksonAnnotations() {
        classes()
                .that()
                .resideInAPackage("org.caravan.contracts..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.caravan.contracts..", "com.fasterxml.jackson.annotation..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.caravan.contracts"));
    }
}
