package app.strongroom.identity;

/** The roles of Strongroom. {@link Names} holds the same names as constants for {@code @RolesAllowed}. */
public enum Role {
    TENANT_USER(Names.TENANT_USER),
    TENANT_ADMIN(Names.TENANT_ADMIN),
    PLATFORM_OPERATOR(Names.PLATFORM_OPERATOR),
    PLATFORM_HELPDESK(Names.PLATFORM_HELPDESK);

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** Role names as compile-time constants, for annotations. */
    public static final class Names {
        public static final String TENANT_USER = "tenant-user";
        public static final String TENANT_ADMIN = "tenant-admin";
        public static final String PLATFORM_OPERATOR = "platform-operator";
        public static final String PLATFORM_HELPDESK = "platform-helpdesk";

        private Names() {
        }
    }
}
