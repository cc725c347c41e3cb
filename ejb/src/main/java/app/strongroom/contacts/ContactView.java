package app.strongroom.contacts;

import app.strongroom.common.EmailAddress;
import app.strongroom.tenant.contact.Contact;

/** A contact as pages show it; {@code version} guards an edit against a concurrent one. */
public record ContactView(long id, String name, String email, String phone, String company, String city, String notes,
                          long version) {
    public static ContactView of(Contact c) {
        return new ContactView(c.id().value(), c.name(), c.email().map(EmailAddress::value).orElse(null), c.phone(),
                c.company(), c.city(), c.details().notes(), c.version());
    }
}
