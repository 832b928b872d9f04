package org.caravan.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** A feature (a package under the service's root) that needs another never needs it back, however indirectly. */
    @Test
    void hasNoCyclesBetweenItsFeatures() {
        slices().matching("org.caravan." + service + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    /** SQL lives in a feature's store; a controller asks the store. */
    @Test
    void keepsSqlOutOfItsControllers() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..", "org.springframework.data.r2dbc..")
                .check(classes);
    }

    /** What is stored knows nothing of how it is asked for over HTTP. */
    @Test
    void keepsItsStoredRecordsFreeOfWebTypes() {
        noClasses()
                .that()
                .areAnnotatedWith("org.springframework.data.relational.core.mapping.Table")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                // A service that keeps its rows by hand-written SQL alone has no mapped records to check.
                .allowEmptyShould(true)
                .check(classes);
    }
}
