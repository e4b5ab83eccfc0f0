package io.caravel.platform.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the web pages exists in English and Chinese. */
class WebBundlesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties en = load("i18n/messages.properties");
        Properties zh = load("i18n/messages_zh.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WebBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
