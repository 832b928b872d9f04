package org.caravan.volunteer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class VolunteerServiceArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caravan.volunteer");

    @Test
    void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.caravan.event..", "org.caravan.donation..", "org.caravan.notification..")
                .check(classes);
    }

    @Test
    void talksToOtherServicesOnlyThroughContractsAndThePlatform() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.caravan.infrastructure..", "org.springframework.web.reactive.function.client..")
                .check(classes);
    }
}
