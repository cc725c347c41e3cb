package app.strongroom.web.contacts;

import app.strongroom.access.MyAccess;
import app.strongroom.contacts.ContactService;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;

/** The contact list page. */
@Named
@ViewScoped
public class ContactListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ContactService contacts;

    @EJB
    transient MyAccess access;

    private ContactTableModel model;
    private Set<Operation> granted;

    @PostConstruct
    void init() {
        granted = access.granted(RecordModel.CONTACT);
        model = new ContactTableModel(contacts);
    }

    public boolean isReadable() {
        return granted.contains(Operation.READ);
    }

    public boolean isCreatable() {
        return granted.contains(Operation.CREATE);
    }

    public ContactTableModel getModel() {
        return model;
    }
}
