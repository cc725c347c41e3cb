package app.strongroom.web.admin;

import app.strongroom.security.LockedLogin;
import app.strongroom.security.SecurityAdministration;
import app.strongroom.security.SecurityEventView;
import app.strongroom.security.SecuritySettingsView;
import app.strongroom.security.SettingsChange;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The tenant administrator's security settings page. */
@Named
@RequestScoped
public class SecurityPage {
    @EJB
    SecurityAdministration administration;

    @NotNull(message = "{field.required}")
    @Min(value = 0, message = "{security.lockAfter.range}")
    @Max(value = 1000, message = "{security.lockAfter.range}")
    private Integer lockAfter;
    @NotNull(message = "{field.required}")
    @Min(value = 1, message = "{security.cooldown.range}")
    @Max(value = 86400, message = "{security.cooldown.range}")
    private Integer cooldown;
    @NotNull(message = "{field.required}")
    @Min(value = 8, message = "{security.minLength.range}")
    @Max(value = 128, message = "{security.minLength.range}")
    private Integer minLength;
    private long version;
    private List<LockedLogin> locked;

    public void load() {
        SecuritySettingsView settings = administration.settings();
        lockAfter = settings.lockAfterFailures();
        cooldown = settings.cooldownSeconds();
        minLength = settings.minPasswordLength();
        version = settings.version();
    }

    public void save() {
        SettingsChange change = administration.change(lockAfter, cooldown, minLength, version);
        if (change instanceof SettingsChange.Saved) {
            Messages.info("security.saved");
            load();
        } else if (change instanceof SettingsChange.Refused refused) {
            Messages.fieldError(null, refused.reason());
        } else {
            Messages.error("security.stale");
        }
    }

    public void unlock(String login) {
        if (administration.unlock(login)) {
            Messages.info("security.unlocked", login);
        } else {
            Messages.error("security.notLocked", login);
        }
        locked = null;
    }

    public List<LockedLogin> getLocked() {
        if (locked == null) {
            locked = administration.lockedLogins();
        }
        return locked;
    }

    public List<SecurityEventView> getEvents() {
        return administration.recentEvents();
    }

    public Integer getLockAfter() {
        return lockAfter;
    }

    public void setLockAfter(Integer lockAfter) {
        this.lockAfter = lockAfter;
    }

    public Integer getCooldown() {
        return cooldown;
    }

    public void setCooldown(Integer cooldown) {
        this.cooldown = cooldown;
    }

    public Integer getMinLength() {
        return minLength;
    }

    public void setMinLength(Integer minLength) {
        this.minLength = minLength;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
