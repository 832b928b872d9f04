package org.caravan.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page shows: its language, and the link to the same page in the other language. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    /** The parameters a page's other-language link keeps: never a password or an e-mail address. */
    private static final java.util.List<String> KEPT = java.util.List.of("token", "error", "minutes", "password");

    @ModelAttribute("lang")
    String lang() {
        return Locales.supported(LocaleContextHolder.getLocale()).toLanguageTag();
    }

    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        Locale current = Locales.supported(LocaleContextHolder.getLocale());
        String other = current.equals(Locales.CHINESE) ? "en" : "zh-CN";
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getRequestURI());
        for (String kept : KEPT) {
            String value = request.getParameter(kept);
            if (value != null && (kept.equals("token") || "GET".equals(request.getMethod()))) {
                url.queryParam(kept, value);
            }
        }
        return url.queryParam("lang", other).build().encode().toUriString();
    }
}
