package app.strongroom.tenancy;

import app.strongroom.identity.Caller;
import app.strongroom.tenant.access.AccessPolicy;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Tenant data of the signed-in caller. Services that work on a tenant's ERP go through this and only this, so the
 * database they reach is decided by the caller's identity alone.
 */
@Dependent
public class TenantData {
    @Inject
    SecurityContext security;
    @EJB
    TenantUnits units;

    /** Runs {@code work} in one transaction on the caller's tenant database. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return units.inTransaction(caller().tenant(), work);
    }

    /**
     * Runs {@code work} in one transaction on the caller's tenant database with the caller's rights and record rules,
     * read in that same transaction: a right withdrawn a moment ago is withdrawn for this request (P20).
     */
    public <T> T underRules(BiFunction<EntityManager, AccessPolicy, T> work) {
        String login = caller().login();
        LocalDate today = today();
        return inTransaction(em -> work.apply(em, AccessPolicy.of(em, login, today)));
    }

    /**
     * The day, UTC, that record rules and computed defaults read as {@code today}. {@link #underRules} reads it once,
     * and a service takes every date of its request from that policy's user, so they are all of one day.
     */
    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The signed-in tenant user; refused for anybody else. */
    public Caller.TenantUser caller() {
        return Caller.of(security.getCallerPrincipal()).asTenantUser()
                .orElseThrow(() -> new EJBAccessException("only a signed-in tenant user reaches tenant data"));
    }
}
