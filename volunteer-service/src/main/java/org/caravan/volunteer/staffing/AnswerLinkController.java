package org.caravan.volunteer.staffing;

import java.time.Clock;
import java.util.List;
import org.caravan.platform.security.AnswerLinks;
import org.caravan.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The accept and decline links in messages. Opening one (GET) only shows what it would do, since mail scanners
 * open links; the button on that page (POST) records the answer, once: the link is signed by
 * notification-service, expires with the offer, and its nonce is kept so that a second use is refused.
 */
@RestController
class AnswerLinkController {

    private final Clock clock;

    private final AnswerLinks links;
    private final Staffing staffing;
    private final UsedAnswerLinks usedLinks;
    private final TransactionalOperator transaction;

    AnswerLinkController(
            @Value("${caravan.answer-links.secret}") String secret,
            @Value("${caravan.answer-links.previous-secrets:}") List<String> previousSecrets,
            Staffing staffing,
            UsedAnswerLinks usedLinks,
            TransactionalOperator transaction,
            Clock clock) {
        this.clock = clock;
        this.links = new AnswerLinks(secret, previousSecrets);
        this.staffing = staffing;
        this.usedLinks = usedLinks;
        this.transaction = transaction;
    }

    @GetMapping(path = "/api/answer-links/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String confirmPage(@PathVariable String token) {
        AnswerLinks.Answer answer = valid(token);
        String verb = "accept".equals(answer.answer()) ? "Accept · 接受" : "Decline · 婉拒";
        return """
                <!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Caravan</title>
                <form method="post"><p>%s?</p><button type="submit">%s</button></form></html>
                """
                .formatted(HtmlUtils.htmlEscape(verb), HtmlUtils.htmlEscape(verb));
    }

    @PostMapping("/api/answer-links/{token}")
    Mono<Assignment> answer(@PathVariable String token) {
        AnswerLinks.Answer answer = valid(token);
        return usedLinks
                .spend(answer)
                .then(staffing.answerByLink(answer.assignmentId(), "accept".equals(answer.answer())))
                .as(transaction::transactional);
    }

    private AnswerLinks.Answer valid(String token) {
        return links.read(token, clock.instant())
                .filter(answer -> "accept".equals(answer.answer()) || "decline".equals(answer.answer()))
                .orElseThrow(() -> ProblemException.notFound("Answer link", "(invalid or expired)"));
    }
}
