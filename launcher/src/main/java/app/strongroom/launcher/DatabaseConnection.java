package app.strongroom.launcher;

/** Where the platform's PostgreSQL server is and how to reach it as its administrator. */
public record DatabaseConnection(String host, int port, String adminUser, String adminPassword) {
    @Override
    public String toString() {
        return "DatabaseConnection[" + adminUser + "@" + host + ":" + port + "]";
    }
}
