package app.strongroom.tenant.contact;

import app.strongroom.common.EmailAddress;
import app.strongroom.common.Require;
import java.util.Optional;

/**
 * What a user may set on a contact, already checked: the name is required, everything else optional and bounded.
 * Building one from raw form values throws {@link IllegalArgumentException} naming the bad field.
 */
public record ContactDetails(String name, Optional<EmailAddress> email, String phone, String company, String city,
                             String notes) {
    public static final int NAME_MAX = 200;
    public static final int PHONE_MAX = 40;
    public static final int COMPANY_MAX = 200;
    public static final int CITY_MAX = 100;
    /** Notes are free text: a mebibyte of characters is room for a long history, and bounds a request's size. */
    public static final int NOTES_MAX = 1024 * 1024;

    public ContactDetails {
        name = Require.text("name", name, NAME_MAX);
        email = Require.present("e-mail", email);
        phone = Require.optionalText("phone", phone, PHONE_MAX);
        company = Require.optionalText("company", company, COMPANY_MAX);
        city = Require.optionalText("city", city, CITY_MAX);
        notes = notes == null || notes.isBlank() ? null : Require.text("notes", notes, NOTES_MAX);
    }

    public static ContactDetails of(String name, String email, String phone, String company, String city) {
        return of(name, email, phone, company, city, null);
    }

    public static ContactDetails of(String name, String email, String phone, String company, String city, String notes) {
        Optional<EmailAddress> address = email == null || email.isBlank()
                ? Optional.empty() : Optional.of(new EmailAddress(email));
        return new ContactDetails(name, address, phone, company, city, notes);
    }
}
