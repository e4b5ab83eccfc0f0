package io.caravel.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Looks up user-facing texts of the business components in the zh and en bundles. */
public final class Messages {

    public static final String PROBLEMS = "i18n.problems";
    public static final String VALIDATION = "ValidationMessages";

    /** Unknown locales fall back to the base (English) bundle, not to the server's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text for {@code key} in {@code locale}, with {@code arguments} filled in; the key itself when unknown. */
    public static String text(Locale locale, String key, Object... arguments) {
        String pattern = lookup(PROBLEMS, locale, key);
        if (pattern == null) {
            pattern = lookup(VALIDATION, locale, key);
        }
        if (pattern == null) {
            return key;
        }
        return arguments == null || arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The text for {@code key} in another bundle of the business components (e.g. i18n.statements). */
    public static String text(String bundle, Locale locale, String key, Object... arguments) {
        String pattern = lookup(bundle, locale, key);
        if (pattern == null) {
            return key;
        }
        return arguments == null || arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private static String lookup(String bundle, Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(bundle, locale, Messages.class.getClassLoader(), NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
