package app.strongroom.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactServiceTest {
    @Test
    void filterTextMatchesLiterallyEvenWithLikeWildcards() {
        assertThat(ContactService.containsPattern(" Ann ")).isEqualTo("%ann%");
        assertThat(ContactService.containsPattern("100%_off\\")).isEqualTo("%100\\%\\_off\\\\%");
    }

    @Test
    void aQueryNeverAsksForMoreThanAPage() {
        assertThatThrownBy(() -> new ContactQuery(Map.of(), Optional.empty(), true, 0, ContactQuery.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContactQuery(Map.of(), Optional.empty(), true, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
