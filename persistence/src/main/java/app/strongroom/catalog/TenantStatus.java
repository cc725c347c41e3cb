package app.strongroom.catalog;

/**
 * Life cycle of a tenant. A tenant is {@code PROVISIONING} from the moment its catalog row exists until its database,
 * role and first administrator are all in place; provisioning that stopped half-way is resumed from that state.
 */
public enum TenantStatus {
    PROVISIONING, ACTIVE, DELETING, MAINTENANCE
}
