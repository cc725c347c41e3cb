package app.strongroom.platform;

import jakarta.ejb.ApplicationException;

/** A PostgreSQL server refused or failed an administrative step. The message never carries credentials. */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(DatabaseServerSettings server, Exception cause) {
        super("PostgreSQL server '" + server.name() + "' (" + server.host() + ":" + server.port() + "): "
                + cause.getMessage(), cause);
    }
}
