package app.strongroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import org.junit.jupiter.api.Test;

class CallerTest {
    @Test
    void aTenantUsersNameCarriesTheTenantItSignedInTo() {
        TenantId tenant = TenantId.random();
        String name = new Caller.TenantUser(tenant, "anna").callerName();
        assertThat(Caller.of(name)).isEqualTo(new Caller.TenantUser(tenant, "anna"));
        assertThat(Caller.of(name).asTenantUser()).isPresent();
    }

    @Test
    void staffAreNeverTenantUsers() {
        Caller staff = Caller.of(new Caller.Staff("operator").callerName());
        assertThat(staff).isEqualTo(new Caller.Staff("operator"));
        assertThat(staff.asTenantUser()).isEmpty();
    }

    @Test
    void anythingElseIsAnonymous() {
        for (String name : new String[] {null, "", "anna", "tenant:", "tenant:not-a-uuid:anna", "tenant:x"}) {
            assertThat(Caller.of(name)).as(String.valueOf(name)).isInstanceOf(Caller.Anonymous.class);
        }
        assertThat(Caller.of((java.security.Principal) null)).isInstanceOf(Caller.Anonymous.class);
    }
}
