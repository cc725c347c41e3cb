package app.strongroom.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** HTTP answers a page gives instead of itself. */
public final class Responses {
    private Responses() {
    }

    /**
     * Answers 404 with the not-found page: a record that does not exist, belongs to another tenant, or whose id is no
     * id at all looks exactly alike.
     */
    public static void notFound() {
        sendError(404);
    }

    /** Answers 403: the user holds no right to what the page shows. */
    public static void forbidden() {
        sendError(403);
    }

    private static void sendError(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
