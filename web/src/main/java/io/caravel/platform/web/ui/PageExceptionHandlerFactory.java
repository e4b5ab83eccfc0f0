package io.caravel.platform.web.ui;

import io.caravel.platform.Messages;
import io.caravel.platform.web.DatabaseErrors;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * What a person sees when a page's form cannot be applied: an expired or forged form token (the
 * sign-in page left open overnight, a replayed post) or a record someone changed at the same moment.
 * The page is loaded again, fresh, with a message saying what happened and to try again; never an
 * error page. Everything else goes on to the container's error page.
 */
public class PageExceptionHandlerFactory extends ExceptionHandlerFactory {

    public PageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(PageExceptionHandlerFactory.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable error = events.next().getContext().getException();
                String key = error instanceof ViewExpiredException || cause(error, ViewExpiredException.class)
                        ? "error.page-expired" : DatabaseErrors.isConflict(error) ? "error.concurrent-change" : null;
                if (key == null || faces.getExternalContext().isResponseCommitted()) {
                    continue;
                }
                events.remove();
                LOG.info(() -> "Page reloaded after " + error.getClass().getSimpleName());
                reload(faces, key);
                return;
            }
            getWrapped().handle();
        }

        private static void reload(FacesContext faces, String key) {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            String text = Messages.text(faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : request.getLocale(), key);
            external.getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
            String query = request.getQueryString();
            try {
                external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            } catch (IOException e) {
                throw new FacesException(e);
            }
            faces.responseComplete();
        }

        private static boolean cause(Throwable error, Class<? extends Throwable> type) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
