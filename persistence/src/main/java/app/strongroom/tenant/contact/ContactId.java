package app.strongroom.tenant.contact;

/** Identity of a contact inside one tenant's database. Meaningless (and harmless) in any other tenant. */
public record ContactId(long value) {
    public ContactId {
        if (value <= 0) {
            throw new IllegalArgumentException("contact id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
