package app.strongroom.platform;

import java.util.Objects;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach one PostgreSQL server as its administrator (a role with CREATEDB and CREATEROLE). These credentials
 * come from configuration only; the catalog stores the server's name and address, never its password.
 */
public record DatabaseServerSettings(String name, String host, int port, String adminUser, String adminPassword) {
    public DatabaseServerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
    }

    /** A non-pooling administrator connection source to one database on this server. */
    public PGSimpleDataSource adminDataSource(String database) {
        return dataSource(database, adminUser, adminPassword);
    }

    public PGSimpleDataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setApplicationName("strongroom");
        ds.setConnectTimeout(10);
        return ds;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseServerSettings[" + name + " " + host + ":" + port + " as " + adminUser + "]";
    }
}
