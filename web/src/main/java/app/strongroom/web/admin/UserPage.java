package app.strongroom.web.admin;

import app.strongroom.tenant.user.UserStatus;
import app.strongroom.users.GroupAdministration;
import app.strongroom.users.UserAdministration;
import app.strongroom.users.UserChange;
import app.strongroom.users.UserView;
import app.strongroom.web.CurrentUser;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import jakarta.inject.Inject;
import java.util.ArrayList;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One user: groups, deactivate or reactivate, send a password link. Never the password itself. View-scoped so the
 * user found on opening is still there when a form is posted back.
 */
@Named
@ViewScoped
public class UserPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    UserAdministration administration;
    @EJB
    GroupAdministration groups;
    @Inject
    CurrentUser currentUser;

    private String login;
    private UserView user;
    private List<String> chosenGroups = new ArrayList<>();

    public void load() {
        Optional<UserView> found = administration.user(login);
        found.ifPresentOrElse(u -> chosenGroups = new ArrayList<>(u.groups()), Responses::notFound);
        user = found.orElse(null);
    }

    public void saveGroups() {
        after(administration.assignGroups(login, new HashSet<>(chosenGroups)), "users.saved");
    }

    public void deactivate() {
        after(administration.deactivate(login), "users.deactivated");
    }

    public void reactivate() {
        after(administration.reactivate(login), "users.reactivated");
    }

    public void sendPasswordLink() {
        after(administration.sendPasswordLink(login), "users.linkSent");
    }

    private void after(UserChange change, String doneKey) {
        if (change instanceof UserChange.Done) {
            Messages.info(doneKey, login);
        } else {
            UserMessages.show(change, "user:");
        }
        user = administration.user(login).orElse(null);
    }

    public boolean isFound() {
        return user != null;
    }

    public UserView getUser() {
        return Optional.ofNullable(user).orElseThrow();
    }

    /** Whether this is the signed-in administrator's own account, which they may not deactivate. */
    public boolean isSelf() {
        return user != null && user.login().equals(currentUser.getTenantLogin());
    }

    public boolean isDeactivated() {
        return user != null && user.status() == UserStatus.DEACTIVATED;
    }

    public List<String> getGroups() {
        return groups.groups();
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public List<String> getChosenGroups() {
        return chosenGroups;
    }

    public void setChosenGroups(List<String> chosenGroups) {
        this.chosenGroups = chosenGroups == null ? new ArrayList<>() : chosenGroups;
    }
}
