package org.caravan.notification;

import org.caravan.platform.security.AnswerLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** Signs the accept and decline links that volunteer-service serves (same secret on both sides). */
    @Bean
    AnswerLinks answerLinks(@Value("${caravan.answer-links.secret}") String secret) {
        return new AnswerLinks(secret);
    }
}
