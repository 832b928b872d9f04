package org.caravan.volunteer.volunteer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.platform.webhook.WebhookDestinations;

/**
 * A webhook URL that notification-service may call: http(s), without credentials, not pointing at this machine,
 * a private or link-local network or a metadata service, unless the operator allows it
 * ({@code caravan.webhooks.*}, the same setting as notification-service's). Refused as a 400 naming
 * {@code contactPreferences.webhookUrl}. Only the URL as written is judged here; notification-service checks the
 * addresses it resolves to as well, when it sends.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeWebhookUrl.Check.class)
@interface SafeWebhookUrl {

    String message() default "is not a webhook URL notification-service may call";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, with the platform's rules and the operator's allow-list. */
    class Check implements ConstraintValidator<SafeWebhookUrl, ContactPreferences> {

        private final WebhookDestinations destinations;

        Check(WebhookDestinations destinations) {
            this.destinations = destinations;
        }

        @Override
        public boolean isValid(ContactPreferences preferences, ConstraintValidatorContext context) {
            if (preferences == null || preferences.webhookUrl() == null) {
                return true;
            }
            return destinations
                    .refusal(preferences.webhookUrl())
                    .map(refusal -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(literal("the webhook URL " + refusal
                                        + "; webhooks go to public http(s) addresses only"))
                                .addPropertyNode("webhookUrl")
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }

        /** The text as a message template that says exactly it: nothing in a URL is interpolated. */
        private static String literal(String text) {
            return text.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
