package app.strongroom.web.api.v1;

/**
 * The path template of a record id: digits only. Any other segment (a name, {@code getClass}, {@code _private}, a
 * negative number) matches no operation, and digits past a {@code long} cannot be converted: each is a 404.
 */
final class Ids {
    static final String ID = "{id: [0-9]+}";

    private Ids() {
    }
}
