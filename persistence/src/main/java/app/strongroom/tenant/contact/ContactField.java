package app.strongroom.tenant.contact;

/**
 * The contact attributes a list may be sorted or filtered by. Queries name attributes only through this closed set,
 * so a request can never steer a query to a column it does not list (P15).
 */
public enum ContactField {
    NAME("name"), EMAIL("email"), PHONE("phone"), COMPANY("company"), CITY("city");

    private final String attribute;

    ContactField(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
