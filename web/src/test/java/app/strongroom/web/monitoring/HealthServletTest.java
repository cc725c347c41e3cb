package app.strongroom.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class HealthServletTest {
    @Test
    void aCatalogThatCannotBeReachedIsDownAndTheAnswerIsTheStatusAlone() throws SQLException {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        // Port 1 (tcpmux) is not served on a test machine: the connection is refused at once.
        nowhere.setPortNumbers(new int[] {1});
        nowhere.setConnectTimeout(2);
        assertThat(HealthServlet.catalogReachable(nowhere)).isFalse();
        assertThat(HealthServlet.body(false)).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(HealthServlet.body(true)).isEqualTo("{\"status\":\"UP\"}");
    }
}
