package app.strongroom.web.admin;

import app.strongroom.tenant.user.UserStatus;
import app.strongroom.users.GroupAdministration;
import app.strongroom.users.UserAdministration;
import app.strongroom.users.UserChange;
import app.strongroom.users.UserView;
import app.strongroom.web.Messages;
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

    private String login;
    private UserView user;
    private List<String> chosenGroups = List.of();

    public void load() {
        Optional<UserView> found = administration.user(login);
        found.ifPresentOrElse(u -> chosenGroups = u.groups(), () -> Messages.error("users.notFound"));
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
        this.chosenGroups = chosenGroups == null ? List.of() : chosenGroups;
    }
}
