package app.strongroom.tenant.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactTest {
    @Test
    void keepsTrimmedDetailsAndNormalisesTheEmail() {
        Contact contact = new Contact(ContactDetails.of("  Ada Lovelace ", "Ada@Example.ORG", "", null, "London"));
        assertThat(contact.name()).isEqualTo("Ada Lovelace");
        assertThat(contact.email()).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("ada@example.org"));
        assertThat(contact.phone()).isNull();
        assertThat(contact.city()).isEqualTo("London");
    }

    @Test
    void applyReplacesAllFields() {
        Contact contact = new Contact(ContactDetails.of("Ada", "ada@example.org", "1", "X", "London"));
        contact.apply(ContactDetails.of("Ada King", "", "", "", ""));
        assertThat(contact.details()).isEqualTo(ContactDetails.of("Ada King", null, null, null, null));
    }

    @Test
    void refusesBadValuesNamingTheField() {
        assertThatThrownBy(() -> ContactDetails.of(" ", null, null, null, null)).hasMessage("name is required");
        assertThatThrownBy(() -> ContactDetails.of("Ada", "not-an-address", null, null, null)).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> ContactDetails.of("A".repeat(201), null, null, null, null)).hasMessageContaining("name is longer");
        assertThatThrownBy(() -> ContactDetails.of("Ada", null, "9".repeat(41), null, null)).hasMessageContaining("phone");
    }

    @Test
    void idsArePositive() {
        assertThatThrownBy(() -> new ContactId(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
