package app.strongroom.web.apikeys;

import app.strongroom.apikey.ApiKeys;
import app.strongroom.apikey.KeyIssue;
import app.strongroom.apikey.KeyView;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenant.apikey.ApiKey;
import app.strongroom.tenant.apikey.ApiKeyScope;
import app.strongroom.web.Messages;
import app.strongroom.web.records.Ids;
import app.strongroom.web.security.ClientAddress;
import app.strongroom.web.security.SessionEpoch;
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
import java.util.OptionalLong;

/**
 * A tenant user's API keys. A new key is shown in the answer to the form that made it and nowhere else: the bean lives
 * for that one request, and nothing redirects to a page that could show it again.
 */
@Named
@RequestScoped
public class ApiKeysPage {
    private static final int DEFAULT_DAYS = 90;
    private static final String KEY_PARAMETER = "key";

    @EJB
    ApiKeys keys;
    @Inject
    HttpServletRequest request;
    @Inject
    PlatformSettings settings;

    private String name;
    @NotNull(message = "{field.required}")
    private ApiKeyScope scope = ApiKeyScope.READ;
    @NotNull(message = "{field.required}")
    @Min(value = ApiKey.MIN_DAYS, message = "{keys.days.range}")
    @Max(value = ApiKey.MAX_DAYS, message = "{keys.days.range}")
    private Integer days = DEFAULT_DAYS;
    private KeyIssue.Issued issued;
    private List<KeyView> mine;
    private List<KeyView> all;

    public void create() {
        KeyIssue outcome = keys.create(name, scope, days, address(), SessionEpoch.of(request).orElse(-1L));
        if (outcome instanceof KeyIssue.Issued made) {
            issued = made;
            name = null;
            mine = null;
            all = null;
        } else if (outcome instanceof KeyIssue.Refused refused) {
            Messages.fieldError(refused.field().equals("name") ? "keys:name"
                    : refused.field().equals("lifetime") ? "keys:days" : null, refused.rule());
        }
    }

    /**
     * Revokes the key whose id the button sent: the list is read anew for each request, so a row's position may name
     * another key by the time the button is pressed; the service checks the key is the caller's to revoke.
     */
    public void revoke() {
        OptionalLong id = Ids.parse(request.getParameter(KEY_PARAMETER));
        Optional<String> revoked = id.isPresent() ? keys.revoke(id.getAsLong(), address()) : Optional.empty();
        revoked.ifPresentOrElse(name -> Messages.info("keys.revoked", name), () -> Messages.error("keys.notYours"));
        mine = null;
        all = null;
    }

    public List<KeyView> getKeys() {
        if (mine == null) {
            mine = keys.mine();
        }
        return mine;
    }

    /** Every key of the tenant; asked only when the page shows it to an administrator. */
    public List<KeyView> getTenantKeys() {
        if (all == null) {
            all = keys.all();
        }
        return all;
    }

    public ApiKeyScope[] getScopes() {
        return ApiKeyScope.values();
    }

    /** The key just made, for this one answer. */
    public Optional<KeyIssue.Issued> getIssued() {
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

    public ApiKeyScope getScope() {
        return scope;
    }

    public void setScope(ApiKeyScope scope) {
        this.scope = scope;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
