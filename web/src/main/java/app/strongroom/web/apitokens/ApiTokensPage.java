package app.strongroom.web.apitokens;

import app.strongroom.apitoken.StaffTokens;
import app.strongroom.apitoken.TokenIssue;
import app.strongroom.apitoken.TokenView;
import app.strongroom.catalog.apitoken.StaffApiToken;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.Messages;
import app.strongroom.web.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/**
 * A staff member's API tokens. A new token is shown in the answer to the form that made it and nowhere else: the bean
 * lives for that one request, the page is never cached (no-store), and nothing redirects to a page that could show it
 * again.
 */
@Named
@RequestScoped
public class ApiTokensPage {
    private static final int DEFAULT_DAYS = 30;

    @EJB
    StaffTokens tokens;
    @Inject
    HttpServletRequest request;
    @Inject
    PlatformSettings settings;

    private String name;
    @NotNull(message = "{field.required}")
    @Min(value = StaffApiToken.MIN_DAYS, message = "{tokens.days.range}")
    @Max(value = StaffApiToken.MAX_DAYS, message = "{tokens.days.range}")
    private Integer days = DEFAULT_DAYS;
    private TokenIssue.Issued issued;
    private List<TokenView> list;

    public void create() {
        TokenIssue outcome = tokens.create(name, days, address());
        if (outcome instanceof TokenIssue.Issued made) {
            issued = made;
            name = null;
            list = null;
        } else if (outcome instanceof TokenIssue.Refused refused) {
            Messages.fieldError(refused.field().equals("name") ? "tokens:name"
                    : refused.field().equals("lifetime") ? "tokens:days" : null, refused.rule());
        }
    }

    public void revoke(String id, String tokenName) {
        if (tokens.revoke(id, address())) {
            Messages.info("tokens.revoked", tokenName);
        } else {
            Messages.error("tokens.notYours");
        }
        list = null;
    }

    public List<TokenView> getTokens() {
        if (list == null) {
            list = tokens.mine();
        }
        return list;
    }

    /** The token just made, for this one answer. */
    public Optional<TokenIssue.Issued> getIssued() {
        return Optional.ofNullable(issued);
    }

    private String address() {
        return ClientAddress.of(request, settings.trustedProxies());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
