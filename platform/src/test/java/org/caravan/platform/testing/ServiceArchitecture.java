package org.caravan.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that keep services independent, checked on each service's own classes. */
public abstract class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("event", "volunteer", "donation", "notification");

    private final String service;
    private final JavaClasses classes;

    protected ServiceArchitecture(String service) {
        this.service = service;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caravan." + service);
    }

    @Test
    void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> "org.caravan." + other + "..")
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void talksToOtherServicesOnlyThroughEventsNeverByCallingThem() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.caravan.infrastructure..", "org.springframework.web.reactive.function.client..")
                .check(classes);
    }
}
