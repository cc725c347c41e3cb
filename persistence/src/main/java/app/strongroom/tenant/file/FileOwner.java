package app.strongroom.tenant.file;

import app.strongroom.tenant.access.RecordModel;

/**
 * The record a file hangs on: a contact, a sales order or an invoice. The file is read by whoever may read that
 * record and added or removed by whoever may change it, under their rights and record rules.
 */
public record FileOwner(RecordModel model, long id) {
    public FileOwner {
        if (model != RecordModel.CONTACT && model != RecordModel.SALES_ORDER && model != RecordModel.INVOICE) {
            throw new IllegalArgumentException(model.modelName() + " records carry no files");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("a record id is positive");
        }
    }
}
