package app.strongroom.restore;

import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What makes a restored database harmless. Every link that was mailed (invitations, password resets) and every API key
 * is voided: in a side copy they would reach into the live tenant, and in a database about to go live they may have
 * been spent, revoked or replaced since the backup (a live restore then takes the live keys over,
 * {@link LiveCarryOver}). Portal links have no rows to void: the portal only ever opens a tenant's live database,
 * and a live restore raises the tenant's link generation in the catalog
 * ({@link app.strongroom.portal.PortalGenerations}). A side copy is also no tenant of the catalog, so no sign-in,
 * mail or scheduled work knows it, and the restore makes it refuse writes.
 */
final class SideCopy {
    /** Statements that empty the tables whose rows are credentials or links into the live tenant. */
    static final List<String> VOIDED = List.of("delete from password_link", "delete from api_key");

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
