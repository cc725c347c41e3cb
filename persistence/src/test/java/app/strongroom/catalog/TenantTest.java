package app.strongroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantTest {
    private final DatabaseServer server = new DatabaseServer("primary", "localhost", 5432);

    @Test
    void startsProvisioningAndAcceptsSignInOnlyOnceActive() {
        Tenant tenant = new Tenant(TenantId.random(), new TenantSlug("acme"), "Acme Ltd", Plan.PAID, server);
        assertThat(tenant.status()).isEqualTo(TenantStatus.PROVISIONING);
        assertThat(tenant.acceptsSignIn()).isFalse();
        tenant.activate();
        assertThat(tenant.acceptsSignIn()).isTrue();
        assertThatThrownBy(tenant::activate).isInstanceOf(IllegalStateException.class);
        tenant.beginDeletion();
        assertThat(tenant.acceptsSignIn()).isFalse();
    }

    @Test
    void maintenanceClosesSignInOnlyForAnActiveTenantAndOpensItAgain() {
        Tenant tenant = new Tenant(TenantId.random(), new TenantSlug("acme"), "Acme Ltd", Plan.PAID, server);
        assertThatThrownBy(tenant::beginMaintenance).isInstanceOf(IllegalStateException.class);
        tenant.activate();
        tenant.beginMaintenance();
        assertThat(tenant.acceptsSignIn()).isFalse();
        assertThat(tenant.isInMaintenance()).isTrue();
        assertThatThrownBy(tenant::beginMaintenance).isInstanceOf(IllegalStateException.class);
        tenant.endMaintenance();
        assertThat(tenant.acceptsSignIn()).isTrue();
        assertThatThrownBy(tenant::endMaintenance).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void databaseAndRoleNamesDeriveFromTheIdAndAreSafeIdentifiers() {
        TenantId id = TenantId.random();
        Tenant tenant = new Tenant(id, new TenantSlug("acme"), "Robert'); DROP TABLE tenant;--", Plan.FREE, server);
        assertThat(tenant.databaseName()).matches("tenant_[0-9a-f]{32}").contains(id.hex());
        assertThat(tenant.roleName()).matches("tenant_role_[0-9a-f]{32}");
    }

    @Test
    void slugsAreShortLowerCaseNames() {
        assertThat(new TenantSlug("Acme-Trading").value()).isEqualTo("acme-trading");
        for (String bad : new String[] {"ab", "-acme", "acme-", "ac me", "acme_x", "a".repeat(41), "", "x'; --"}) {
            assertThatThrownBy(() -> new TenantSlug(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tenant name");
        }
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> new Tenant(TenantId.random(), new TenantSlug("acme"), " ", Plan.FREE, server))
                .hasMessageContaining("company name");
        assertThatThrownBy(() -> new Tenant(TenantId.random(), new TenantSlug("acme"), "Acme", null, server))
                .hasMessageContaining("plan");
        assertThatThrownBy(() -> new DatabaseServer("primary", "localhost", 70000)).hasMessageContaining("port");
    }
}
