package app.strongroom.staff;

/** What became of a request to delete a tenant. */
public sealed interface TenantDeletion {
    /** The tenant, its database and its role are gone. */
    record Deleted(String slug) implements TenantDeletion {
    }

    /** The short name typed as confirmation was not the tenant's; nothing was deleted. */
    record NotConfirmed(String slug) implements TenantDeletion {
    }

    /** There is no such tenant (any more). */
    record Gone() implements TenantDeletion {
    }
}
