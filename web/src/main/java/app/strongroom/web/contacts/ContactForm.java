package app.strongroom.web.contacts;

import app.strongroom.contacts.ContactView;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The editable fields of a contact as the form holds them; the limits mirror {@link ContactDetails}. */
public class ContactForm implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{field.required}")
    @Size(max = ContactDetails.NAME_MAX, message = "{field.tooLong}")
    private String name;
    @Pattern(regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{field.email}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;
    @Size(max = ContactDetails.PHONE_MAX, message = "{field.tooLong}")
    private String phone;
    @Size(max = ContactDetails.COMPANY_MAX, message = "{field.tooLong}")
    private String company;
    @Size(max = ContactDetails.CITY_MAX, message = "{field.tooLong}")
    private String city;
    @Size(max = ContactDetails.NOTES_MAX, message = "{field.tooLong}")
    private String notes;

    /** A new contact's form, opened with the tenant's computed defaults. */
    static ContactForm blank(Defaults defaults) {
        ContactForm form = new ContactForm();
        form.company = defaults.text(DefaultField.CONTACT_COMPANY).orElse(null);
        form.city = defaults.text(DefaultField.CONTACT_CITY).orElse(null);
        return form;
    }

    static ContactForm of(ContactView view) {
        ContactForm form = new ContactForm();
        form.name = view.name();
        form.email = view.email();
        form.phone = view.phone();
        form.company = view.company();
        form.city = view.city();
        form.notes = view.notes();
        return form;
    }

    /** @throws IllegalArgumentException naming the field when a value breaks a rule of {@link ContactDetails} */
    ContactDetails toDetails() {
        return ContactDetails.of(name, email, phone, company, city, notes);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
