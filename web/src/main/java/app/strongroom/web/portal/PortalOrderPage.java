package app.strongroom.web.portal;

import app.strongroom.portal.PortalAnswer;
import app.strongroom.portal.PortalOrder;
import app.strongroom.portal.PortalService;
import app.strongroom.web.Messages;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The order a portal link shows its customer, with confirm and decline. Request-scoped and, for a link that does not
 * work, a transient view: a crawler or a guesser gets the invalid-link page without a session being made for it.
 * The link travels in the form too, so the service checks it again on every post.
 */
@Named
@RequestScoped
public class PortalOrderPage {
    /** One status for every link that does not work, whatever the reason. */
    static final int INVALID_STATUS = 404;
    static final String PAGE = "/portal/order.xhtml";

    @EJB
    PortalService portal;
    @Inject
    Authentication authentication;

    private String link;
    private long seen;
    private PortalAnswer answer = new PortalAnswer.Invalid();
    private boolean answered;

    public void load() {
        show(portal.view(link, authentication.clientAddress()));
    }

    public void confirm() {
        show(portal.confirm(link, seen, authentication.clientAddress()));
    }

    public void decline() {
        show(portal.decline(link, seen, authentication.clientAddress()));
    }

    /** After the form's fields are read: one that does not convert makes the post an invalid link, as any other. */
    public void checkPost() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isValidationFailed()) {
            for (var messages = faces.getMessages(); messages.hasNext(); ) {
                messages.next();
                messages.remove();
            }
            show(new PortalAnswer.Invalid());
        }
    }

    /** Before the page is rendered: a request nobody answered (an expired view) shows an invalid link. */
    public void render() {
        if (!answered) {
            show(new PortalAnswer.Invalid());
        }
    }

    private void show(PortalAnswer shown) {
        answer = shown;
        answered = true;
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (!(shown instanceof PortalAnswer.Shown) && faces.isPostback()
                && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            // A post is answered with the page a bad link's GET gets, built afresh, not the posted view re-rendered.
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PAGE));
            faces.renderResponse();
        }
        // The address holds the link: no Referer carries it anywhere, not even to this site's own resources, and no
        // cache keeps the page. "strict-origin" sends the origin alone; not "no-referrer": the browser would then
        // send "Origin: null" with confirm and decline, which the same-origin check refuses.
        external.setResponseHeader("Referrer-Policy", "strict-origin");
        external.setResponseHeader("Cache-Control", "no-store");
        if (shown instanceof PortalAnswer.Shown order) {
            seen = order.order().version();
            if (order.outcome() != PortalAnswer.Outcome.VIEWED) {
                Messages.info("portal.outcome." + order.outcome().name().toLowerCase(Locale.ROOT));
            }
        } else {
            external.setResponseStatus(INVALID_STATUS);
            faces.getViewRoot().setTransient(true);
        }
    }

    public boolean isValid() {
        return answer instanceof PortalAnswer.Shown;
    }

    /**
     * Whether the form is there. While a post is decoded the service has not answered yet (this bean lives for one
     * request): the form must count as there for its button to act, and the service then decides on the link.
     */
    public boolean isFormShown() {
        return answered ? isValid() : FacesContext.getCurrentInstance().isPostback();
    }

    /** Whether confirm and decline are offered; during a post's decoding as for {@link #isFormShown()}. */
    public boolean isAnswerOffered() {
        return answered ? isValid() && getOrder().awaitsAnswer() : FacesContext.getCurrentInstance().isPostback();
    }

    public String getTitle() {
        return isValid() ? getOrder().number() : Messages.text("portal.invalid.title");
    }

    public PortalOrder getOrder() {
        return answer instanceof PortalAnswer.Shown shown ? shown.order() : null;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public long getSeen() {
        return seen;
    }

    public void setSeen(long seen) {
        this.seen = seen;
    }
}
