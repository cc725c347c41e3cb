package app.strongroom.web.api.v1;

import app.strongroom.contacts.ContactChange;
import app.strongroom.records.Change;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/** The answers the resources share: found or 404, a change done or why not, a record made. */
final class Outcomes {
    static final String NOT_FOUND = "No such record that you can see.";
    static final String STALE = "The record changed since you read it (its version is no longer %d); read it again.";

    private Outcomes() {
    }

    static <T> T found(Optional<T> record) {
        return record.orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The record after a change, or the problem a change that was not done is. */
    static <T> T changed(Change change, long version, Supplier<T> reread) {
        return outcome(change instanceof Change.Done, change instanceof Change.Stale, version, reread);
    }

    static <T> T changed(ContactChange change, long version, Supplier<T> reread) {
        return outcome(change instanceof ContactChange.Done, change instanceof ContactChange.Stale, version, reread);
    }

    private static <T> T outcome(boolean done, boolean stale, long version, Supplier<T> reread) {
        if (done) {
            return reread.get();
        }
        if (stale) {
            throw new ClientErrorException(STALE.formatted(version), Response.Status.CONFLICT);
        }
        throw new NotFoundException(NOT_FOUND);
    }

    static Response created(URI location, Object record) {
        return Response.created(location).entity(record).build();
    }

    static long required(Long version) {
        if (version == null) {
            throw new jakarta.ws.rs.BadRequestException("Send the 'version' of the record as you read it.");
        }
        return version;
    }
}
