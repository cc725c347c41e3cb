package app.strongroom.platform;

import app.strongroom.catalog.StaffMember;
import app.strongroom.catalog.StaffRole;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/** Creates the first platform operator from configuration, once, when the catalog has no staff at all. */
@Stateless
@PermitAll
public class StaffBootstrap {
    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class.getName());

    @Inject
    PlatformSettings settings;
    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public void createFirstOperator(String login, String password) {
        long staffCount = em.createNamedQuery(StaffMember.COUNT, Long.class).getSingleResult();
        if (staffCount == 0) {
            String hash = settings.passwordHasher().hash(password.toCharArray()).format();
            em.persist(new StaffMember(login, hash, StaffRole.OPERATOR));
            LOG.info(() -> "created the first platform operator '" + login + "'");
        }
    }
}
