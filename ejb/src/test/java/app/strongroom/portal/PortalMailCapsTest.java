package app.strongroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalMailCapsTest {
    private final Map<String, Integer> used = new HashMap<>();
    /** The shared hourly budget as {@code LoginThrottle.withinHourlyBudget} keeps it, for one hour. */
    private final PortalMailCaps.HourlyBudget hour = (key, limit) -> {
        int count = used.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        used.put(key, count + 1);
        return true;
    };
    private final TenantId tenant = TenantId.random();
    private final PortalMailCaps caps = new PortalMailCaps(2, 5);

    @Test
    void aTenantMailsAtMostItsHourlyNumberWhicheverOrdersTheyAreFor() {
        for (long order = 1; order <= 5; order++) {
            assertThat(caps.refusal(hour, tenant, order)).isEmpty();
        }
        assertThat(caps.refusal(hour, tenant, 6)).containsInstanceOf(LinkSending.CompanyTooMany.class);
        assertThat(caps.refusal(hour, tenant, 1)).containsInstanceOf(LinkSending.CompanyTooMany.class);
        assertThat(caps.refusal(hour, TenantId.random(), 6)).as("another tenant has its own").isEmpty();
    }

    @Test
    void oneOrdersCustomerGetsAtMostThePerOrderNumber() {
        assertThat(caps.refusal(hour, tenant, 1)).isEmpty();
        assertThat(caps.refusal(hour, tenant, 1)).isEmpty();
        assertThat(caps.refusal(hour, tenant, 1)).containsInstanceOf(LinkSending.TooMany.class);
        assertThat(caps.refusal(hour, tenant, 2)).isEmpty();
    }

    @Test
    void refusalsOfOneOrderSpendNoneOfTheTenantsMails() {
        for (int i = 0; i < 10; i++) {
            caps.refusal(hour, tenant, 1);
        }
        for (long order = 2; order <= 4; order++) {
            assertThat(caps.refusal(hour, tenant, order)).isEmpty();
        }
        assertThat(caps.refusal(hour, tenant, 5)).containsInstanceOf(LinkSending.CompanyTooMany.class);
    }

    @Test
    void capsAreAtLeastOne() {
        assertThatThrownBy(() -> new PortalMailCaps(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
