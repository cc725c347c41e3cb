package app.strongroom.web.access;

import app.strongroom.access.RightView;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/** One row of the rights matrix as the form edits it: a model, a group (null: every user), four boxes. */
public class RightRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RecordModel model;
    private final String group;
    private boolean read;
    private boolean write;
    private boolean create;
    private boolean delete;

    RightRow(RightView view) {
        this.model = view.model();
        this.group = view.group();
        this.read = view.granted().contains(Operation.READ);
        this.write = view.granted().contains(Operation.WRITE);
        this.create = view.granted().contains(Operation.CREATE);
        this.delete = view.granted().contains(Operation.DELETE);
    }

    Set<Operation> granted() {
        Set<Operation> granted = EnumSet.noneOf(Operation.class);
        if (read) {
            granted.add(Operation.READ);
        }
        if (write) {
            granted.add(Operation.WRITE);
        }
        if (create) {
            granted.add(Operation.CREATE);
        }
        if (delete) {
            granted.add(Operation.DELETE);
        }
        return granted;
    }

    boolean differsFrom(RightView stored) {
        return !granted().equals(stored.granted());
    }

    public RecordModel getModel() {
        return model;
    }

    public String getGroup() {
        return group;
    }

    public boolean isRead() {
        return read;
    }

    public void setRead(boolean read) {
        this.read = read;
    }

    public boolean isWrite() {
        return write;
    }

    public void setWrite(boolean write) {
        this.write = write;
    }

    public boolean isCreate() {
        return create;
    }

    public void setCreate(boolean create) {
        this.create = create;
    }

    public boolean isDelete() {
        return delete;
    }

    public void setDelete(boolean delete) {
        this.delete = delete;
    }
}
