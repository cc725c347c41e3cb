package app.strongroom.launcher;

import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.PostgresAdmin;

/** Where the platform's PostgreSQL server is and how to reach it as its administrator. */
public record DatabaseConnection(String host, int port, String adminUser, String adminPassword) {
    /** Administrative DDL on this server, exactly as the platform runs it (it is the platform's primary server). */
    public PostgresAdmin admin() {
        return new PostgresAdmin(new DatabaseServerSettings("primary", host, port, adminUser, adminPassword));
    }

    @Override
    public String toString() {
        return "DatabaseConnection[" + adminUser + "@" + host + ":" + port + "]";
    }
}
