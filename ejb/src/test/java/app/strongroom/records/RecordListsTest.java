package app.strongroom.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.contacts.ContactQuery;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordListsTest {
    @Test
    void filterTextMatchesLiterallyEvenWithLikeWildcards() {
        assertThat(RecordLists.containsPattern(" Ann ")).isEqualTo("%ann%");
        assertThat(RecordLists.containsPattern("100%_off\\")).isEqualTo("%100\\%\\_off\\\\%");
    }

    @Test
    void aQueryNeverAsksForMoreThanAPage() {
        assertThatThrownBy(() -> new ContactQuery(Map.of(), Optional.empty(), true, 0, ContactQuery.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContactQuery(Map.of(), Optional.empty(), true, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
