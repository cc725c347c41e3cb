package app.strongroom.catalog.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortalLinkGenerationTest {
    @Test
    void theFirstVoidingIsGenerationOneAndEachOneRaisesIt() {
        TenantId tenant = TenantId.random();
        PortalLinkGeneration generation = new PortalLinkGeneration(tenant, Instant.EPOCH);
        assertThat(generation.generation()).isEqualTo(1);
        assertThat(generation.tenant()).isEqualTo(tenant);
        generation.voidLinks(Instant.EPOCH);
        assertThat(generation.generation()).isEqualTo(2);
    }

    @Test
    void aTenantIsRequired() {
        assertThatThrownBy(() -> new PortalLinkGeneration(null, Instant.EPOCH)).isInstanceOf(RuntimeException.class);
    }
}
