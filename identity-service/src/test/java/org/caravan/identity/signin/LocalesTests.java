package org.caravan.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LocalesTests {

    private static Locale fromBrowser(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return Locales.fromBrowser(request);
    }

    @Test
    void anyChineseIsSimplifiedChineseAndAnythingElseEnglish() {
        assertThat(Locales.supported(Locale.forLanguageTag("zh-TW"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Locales.supported(Locale.forLanguageTag("zh"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Locales.supported(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.ENGLISH);
        assertThat(Locales.supported(Locale.forLanguageTag("de"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theBrowsersFirstSupportedLanguageWins() {
        assertThat(fromBrowser("fr-FR,zh-CN;q=0.8,en;q=0.5")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(fromBrowser("en-US,zh-CN;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(fromBrowser("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(fromBrowser(null)).isEqualTo(Locale.ENGLISH);
    }
}
