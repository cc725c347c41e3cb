package app.strongroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import org.junit.jupiter.api.Test;

class SqlIdentifierTest {
    @Test
    void acceptsTheNamesThePlatformDerives() {
        TenantId id = TenantId.random();
        assertThat(new SqlIdentifier(TenantDatabase.databaseName(id)).value()).startsWith("tenant_");
        assertThat(new SqlIdentifier(TenantDatabase.roleName(id)).value()).hasSizeLessThanOrEqualTo(63);
        assertThat(new SqlIdentifier(TenantDatabase.TEMPLATE).value()).isEqualTo("strongroom_tenant_template");
    }

    @Test
    void refusesAnythingThatCouldCarrySql() {
        for (String bad : new String[] {null, "", "Tenant", "a-b", "x; drop database y", "a\"b", "1abc", "a".repeat(64),
                "x' or '1'='1"}) {
            assertThatThrownBy(() -> new SqlIdentifier(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rolePasswordsAreDerivedPerTenantAndHex() {
        TenantSecrets secrets = new TenantSecrets(new byte[32]);
        TenantId one = TenantId.random();
        assertThat(secrets.rolePassword(one)).matches("[0-9a-f]{64}").isEqualTo(secrets.rolePassword(one));
        assertThat(secrets.rolePassword(one)).isNotEqualTo(secrets.rolePassword(TenantId.random()));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new TenantSecrets(otherKey).rolePassword(one)).isNotEqualTo(secrets.rolePassword(one));
        assertThatThrownBy(() -> new TenantSecrets(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
