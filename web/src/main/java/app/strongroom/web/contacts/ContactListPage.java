package app.strongroom.web.contacts;

import app.strongroom.contacts.ContactService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The contact list page. */
@Named
@ViewScoped
public class ContactListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ContactService contacts;

    private ContactTableModel model;

    @PostConstruct
    void init() {
        model = new ContactTableModel(contacts);
    }

    public ContactTableModel getModel() {
        return model;
    }
}
