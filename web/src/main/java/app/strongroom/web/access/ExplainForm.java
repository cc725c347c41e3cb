package app.strongroom.web.access;

import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import java.io.Serializable;

/** Whom, which record and which operation "explain access" is asked about. */
public class ExplainForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private String login;
    private RecordModel model = RecordModel.SALES_ORDER;
    private Operation operation = Operation.READ;
    private Long recordId;

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public RecordModel getModel() {
        return model;
    }

    public void setModel(RecordModel model) {
        this.model = model;
    }

    public Operation getOperation() {
        return operation;
    }

    public void setOperation(Operation operation) {
        this.operation = operation;
    }

    public Long getRecordId() {
        return recordId;
    }

    public void setRecordId(Long recordId) {
        this.recordId = recordId;
    }
}
