package org.caravan.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTests {

    private static final Map<String, String> PARAMS = Map.of(
            "item", "Chorus 《相亲相爱》",
            "site", "蒲公英中学 Dandelion School",
            "startsAt", "2026-09-26T01:40:00Z",
            "expiresAt", "2026-09-25T01:40:00Z",
            "timeZone", "Asia/Shanghai");

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void everyKindOfNoticeHasWordsInChineseAndEnglish(NoticeKind kind) {
        Templates.Message chinese = Templates.render(kind, PARAMS, "zh-CN");
        Templates.Message english = Templates.render(kind, PARAMS, "en");

        assertThat(chinese.title()).isNotBlank().isNotEqualTo(english.title());
        assertThat(chinese.body()).isNotBlank().doesNotContain("{");
        assertThat(english.body()).isNotBlank().doesNotContain("{");
    }

    @ParameterizedTest
    @EnumSource(
            value = NoticeKind.class,
            names = {"ASSIGNMENT_CONFIRMED", "REMINDER"})
    void timesAreShownAtTheSiteInTheReadersWay(NoticeKind kind) {
        assertThat(Templates.render(kind, PARAMS, "zh-CN").body()).contains("2026年9月26日 09:40");
        assertThat(Templates.render(kind, PARAMS, "en").body()).contains("26 Sep 2026, 09:40");
    }
}
