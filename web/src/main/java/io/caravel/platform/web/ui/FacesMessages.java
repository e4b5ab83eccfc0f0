package io.caravel.platform.web.ui;

import io.caravel.platform.CaravelException;
import io.caravel.platform.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** Shows business errors and confirmations in Faces pages, in the page's language. */
public final class FacesMessages {

    private FacesMessages() {
    }

    /** The error's message and each failing field's message; {@code fieldPrefix} maps a field to a component id. */
    public static void error(CaravelException e, String fieldPrefix) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                Messages.text(locale, e.messageKey(), e.arguments()), null));
        for (CaravelException.FieldError error : e.fieldErrors()) {
            String text = error.field() + ": " + Messages.text(locale, error.messageKey(), error.arguments());
            faces.addMessage(fieldPrefix == null ? null : fieldPrefix + error.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        faces.validationFailed();
    }

    /** A confirmation from the page bundle. */
    public static void info(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
