package io.caravel.casework;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts a decider may start a message to a seller from (bundle {@code i18n/templates}, English
 * and Chinese). A template becomes one message with both languages, English first, for the decider
 * to edit: sellers on a cross-border platform read either.
 */
public final class MessageTemplates {

    static final String BUNDLE = "i18n.templates";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private MessageTemplates() {
    }

    /** The template's message, English then Chinese; null for an unknown code. */
    public static String text(String code) {
        String en = lookup(Locale.ROOT, code);
        String zh = lookup(Locale.CHINESE, code);
        if (en == null) {
            return null;
        }
        return zh == null || zh.equals(en) ? en : en + "\n" + zh;
    }

    /** The template's short name in a locale, for the template picker. */
    public static String label(Locale locale, String code) {
        String label = lookup(locale, "label." + code);
        return label == null ? code : label;
    }

    private static String lookup(Locale locale, String code) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, MessageTemplates.class.getClassLoader(), NO_FALLBACK)
                    .getString(code);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
