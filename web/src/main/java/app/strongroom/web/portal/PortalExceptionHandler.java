package app.strongroom.web.portal;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * A portal post whose view has expired (an old tab, a forged or foreign view state) gets the invalid-link page, not
 * the application's "page expired" page: the portal answers everything that is not a working link alike. The page
 * is built afresh and, never having asked the service, renders itself as invalid ({@link PortalOrderPage#render()}).
 * Every other exception, and every other page's, goes on to the next handler.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {
    PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
             events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            if (thrown instanceof ViewExpiredException expired && PortalOrderPage.PAGE.equals(expired.getViewId())) {
                events.remove();
                faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PortalOrderPage.PAGE));
                faces.renderResponse();
            }
        }
        getWrapped().handle();
    }

    /** Registered in {@code faces-config.xml}. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PortalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
