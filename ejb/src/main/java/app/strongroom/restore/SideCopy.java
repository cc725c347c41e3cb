package app.strongroom.restore;

import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What makes a side database harmless next to the live one. Nobody signs in to it and no scheduled work knows it (it
 * is no tenant of the catalog), so it sends no mail and runs nothing; what it still holds that could act in the
 * world is voided here: every link that was mailed (invitations, password resets). The tenant API keys and portal
 * links of later work belong in {@link #VOIDED} too. The restore then makes the database refuse writes altogether.
 */
final class SideCopy {
    /** Statements that empty the tables whose rows are credentials or links into the live tenant. */
    static final List<String> VOIDED = List.of("delete from password_link");

    private SideCopy() {
    }

    static void neutralise(PostgresAdmin admin, SqlIdentifier side) {
        try (Connection c = admin.adminDataSource(side).getConnection(); Statement s = c.createStatement()) {
            for (String statement : VOIDED) {
                s.executeUpdate(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the side database could not be neutralised: " + e.getMessage(), e);
        }
    }
}
