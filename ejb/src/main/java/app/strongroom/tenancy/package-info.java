/**
 * One persistence unit per tenant database (P1).
 *
 * <p>Design, chosen between the two that stack-facts.md found working: <b>RESOURCE_LOCAL factories created by the
 * application</b>, each over its own small HikariCP pool that logs in as the tenant's own role. Why not JTA units over
 * pools created through Payara's asadmin API: that needs Payara-only API at run time (it would have to be loaded
 * reflectively and differs between Micro and Server), runtime-created pools must be re-created at each start, and a
 * container pool cannot be closed when its tenant goes idle. With application-owned pools an idle tenant is simply
 * closed: its pool shrinks to zero connections after {@code strongroom.tenant.connection-idle-seconds} and its factory
 * is evicted after {@code strongroom.tenant.unit-idle-seconds}, and at most {@code strongroom.tenant.max-open-units}
 * factories exist at once. The price is that tenant work cannot join a container transaction: every piece of tenant
 * work runs in one resource-local transaction that commits or rolls back as a whole
 * ({@link app.strongroom.tenancy.TenantUnitRegistry#inTransaction}).
 *
 * <p>The tenant a service works on is always the one of the signed-in caller ({@link app.strongroom.tenancy.TenantData});
 * no request parameter can choose it.
 */
package app.strongroom.tenancy;
