package app.strongroom.web.security;

import app.strongroom.identity.Role;
import app.strongroom.identity.SignInOutcome;
import app.strongroom.identity.SignInService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/** Adapts {@link SignInService} to Jakarta Security. Any other credential type is not this store's to judge. */
@ApplicationScoped
public class StrongroomIdentityStore implements IdentityStore {
    @EJB
    SignInService signIn;
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        SignInOutcome outcome;
        if (credential instanceof TenantCredential tenant) {
            outcome = signIn.signInTenantUser(tenant.tenant(), tenant.getCaller(), tenant.getPassword().getValue(),
                    tenant.clientAddress());
        } else if (credential instanceof StaffCredential staff) {
            outcome = signIn.signInStaff(staff.getCaller(), staff.getPassword().getValue(), staff.clientAddress());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            SessionEpoch.offer(request, signedIn.sessionEpoch());
            return new CredentialValidationResult(signedIn.callerName(),
                    signedIn.roles().stream().map(Role::roleName).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
