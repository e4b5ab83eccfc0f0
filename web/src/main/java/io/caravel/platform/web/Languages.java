package io.caravel.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** The language of a document the API makes (a statement, an export): Chinese or English. */
public final class Languages {

    private Languages() {
    }

    /** {@code lang} when given (zh…: Chinese), else the first language of Accept-Language; English otherwise. */
    public static Locale of(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            return lang.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
        return !accepted.isEmpty() && "zh".equals(accepted.get(0).getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
