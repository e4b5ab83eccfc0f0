package io.caravel.platform.web.ui;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the web pages: zh or en. A choice made with the language switch is kept in a
 * cookie for a year, so it is remembered across sessions; without one the browser's language decides.
 */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    static final String COOKIE = "caravel-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale locale = Locale.ENGLISH;

    @PostConstruct
    void init() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Object cookie = external.getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie c) {
            locale = supported(c.getValue());
        } else {
            locale = supported(external.getRequestLocale().getLanguage());
        }
    }

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    /** Switches the language and remembers the choice; stays on the current page. */
    public String switchTo(String language) {
        locale = supported(language);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.addResponseCookie(COOKIE, locale.getLanguage(), Map.of(
                "maxAge", ONE_YEAR,
                "path", external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(),
                "httpOnly", Boolean.TRUE,
                "SameSite", "Lax"));
        faces.getViewRoot().setLocale(locale);
        String task = external.getRequestParameterMap().get("task"); // a case page's task (see layout.xhtml)
        boolean keepTask = task != null && task.matches("[A-Za-z0-9-]{1,64}");
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true" + (keepTask ? "&task=" + task : "");
    }

    private static Locale supported(String language) {
        return "zh".equalsIgnoreCase(language) ? Locale.CHINESE : Locale.ENGLISH;
    }
}
