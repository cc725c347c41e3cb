package app.strongroom.web.restore;

import app.strongroom.contacts.ContactView;
import app.strongroom.restore.RestoreView;
import app.strongroom.restore.SideDatabases;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * A side database opened read-only: its contacts, searched by name, and "Discard this copy". View scoped: the search
 * and the discard act on the copy the page was opened for.
 */
@Named
@ViewScoped
public class SidePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient SideDatabases sides;

    private String restore;
    private UUID id;
    private String name;
    private RestoreView side;
    private transient List<ContactView> contacts;

    public void load() {
        try {
            side = sides.side(id());
        } catch (IllegalArgumentException | NoSuchElementException | jakarta.ejb.EJBException e) {
            Responses.notFound();
        }
    }

    public void search() {
        contacts = null;
    }

    public String discard() {
        sides.discard(id());
        Messages.infoAfterRedirect("side.discarded");
        return "/app/admin/trust.xhtml?faces-redirect=true";
    }

    public List<ContactView> getContacts() {
        if (contacts == null) {
            contacts = side == null ? List.of() : sides.contacts(id(), name);
        }
        return contacts;
    }

    /** The restore asked for; the service finds it only among the caller's company's own. */
    private UUID id() {
        if (id == null) {
            id = UUID.fromString(String.valueOf(restore));
        }
        return id;
    }

    public RestoreView getSide() {
        return side;
    }

    public String getRestore() {
        return restore;
    }

    public void setRestore(String restore) {
        this.restore = restore;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
