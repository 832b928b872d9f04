package org.caravan.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Chinese (zh-CN) or English: the browser's first acceptable language chooses, and {@code
 * ?lang=en} or {@code ?lang=zh-CN} switches, remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
public class Locales implements WebMvcConfigurer {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** The supported locale nearest to the one asked for: any Chinese is zh-CN, anything else English. */
    public static Locale supported(Locale asked) {
        if (asked != null && "zh".equals(asked.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /** The first of the browser's languages that the pages speak, or English. */
    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return ENGLISH;
        }
        List<Locale> asked = Collections.list(request.getLocales());
        for (Locale locale : asked) {
            if ("zh".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                return supported(locale);
            }
        }
        return ENGLISH;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("caravan-locale") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        resolver.setDefaultLocaleFunction(Locales::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
