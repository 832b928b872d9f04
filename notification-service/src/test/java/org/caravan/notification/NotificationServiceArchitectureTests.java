package org.caravan.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.caravan.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * Besides the rules every service keeps: the notice handlers hand notices to delivery and the inbox, the inbox is
 * one of delivery's channels, and all of them use the words in message; none of these depends back up.
 */
class NotificationServiceArchitectureTests extends ServiceArchitecture {

    private static final String ROOT = "org.caravan.notification.";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caravan.notification");

    NotificationServiceArchitectureTests() {
        super("notification");
    }

    @Test
    void theWordsOfNoticesDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "message..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + "delivery..", ROOT + "inbox..", ROOT + "notice..", ROOT + "reminder..")
                .check(classes);
    }

    @Test
    void deliveryKnowsNeitherTheInboxNorWhoQueuedANotice() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + "inbox..", ROOT + "notice..", ROOT + "reminder..")
                .check(classes);
    }

    @Test
    void theInboxKnowsNotWhoQueuedANotice() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "inbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + "notice..", ROOT + "reminder..")
                .check(classes);
    }
}
