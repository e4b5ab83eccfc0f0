package io.caravel.platform.web.ui;

import io.caravel.platform.CaravelException;
import io.caravel.platform.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Shows business errors and confirmations in Faces pages, in the page's language. A failing field
 * is named by its label on the page, never by its name in the code.
 */
public final class FacesMessages {

    private FacesMessages() {
    }

    /**
     * The error's message, and each failing field's message on the field's input ({@code fieldPrefix}
     * plus the field's name is the input's id) with the input's label; a field the page has no input
     * for is shown with the other messages, without a name.
     */
    public static void error(CaravelException e, String fieldPrefix) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        faces.addMessage(null, message(Messages.text(locale, e.messageKey(), e.arguments())));
        for (CaravelException.FieldError error : e.fieldErrors()) {
            String text = Messages.text(locale, error.messageKey(), error.arguments());
            UIComponent input = fieldPrefix == null ? null : faces.getViewRoot().findComponent(fieldPrefix + error.field());
            Object label = input == null ? null : input.getAttributes().get("label");
            faces.addMessage(input == null ? null : input.getClientId(faces),
                    message(label == null ? text : label + ": " + text));
        }
        faces.validationFailed();
    }

    /**
     * A message from the business bundles next to one input, given by its client id (a row's input
     * too, e.g. {@code app:people:1:name}), which is marked invalid.
     */
    public static void field(String clientId, String messageKey, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().invokeOnComponent(faces, clientId, (context, input) -> {
            if (input instanceof UIInput in) {
                in.setValid(false);
            }
        });
        faces.addMessage(clientId, message(Messages.text(faces.getViewRoot().getLocale(), messageKey, arguments)));
        faces.validationFailed();
    }

    /** A confirmation from the page bundle. */
    public static void info(String key) {
        faces().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    }

    /** A confirmation from the page bundle followed by a detail (a waybill, a code). */
    public static void info(String key, String detail) {
        faces().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key) + " " + detail, null));
    }

    private static FacesMessage message(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    private static String text(String key) {
        FacesContext faces = faces();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
