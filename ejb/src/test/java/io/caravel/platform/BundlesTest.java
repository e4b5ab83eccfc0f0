package io.caravel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every user-facing text of the business components exists in English and Chinese. */
class BundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/problems", "ValidationMessages"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties en = load(bundle + ".properties");
        Properties zh = load(bundle + "_zh.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    @Test
    void everyProblemTypeHasATitle() throws IOException {
        Properties en = load("i18n/problems.properties");
        for (ProblemType type : ProblemType.values()) {
            assertThat(en).containsKey(type.titleKey());
        }
    }

    @Test
    void messagesAreFilledInAndFallBackToEnglish() {
        assertThat(Messages.text(Locale.ENGLISH, "error.not-found", "user", "x1")).isEqualTo("No user with id x1.");
        assertThat(Messages.text(Locale.CHINESE, "problem.forbidden.title")).isEqualTo("无权访问");
        assertThat(Messages.text(Locale.FRENCH, "problem.forbidden.title")).isEqualTo("Forbidden");
        assertThat(Messages.text(Locale.ENGLISH, "caravel.user.roles.required")).isEqualTo("At least one role is required.");
        assertThat(Messages.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
