package app.strongroom.web.admin;

import app.strongroom.users.GroupAdministration;
import app.strongroom.users.Invitation;
import app.strongroom.users.UserAdministration;
import app.strongroom.users.UserChange;
import app.strongroom.users.UserView;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The tenant's users and groups: invite a user, create and delete groups. */
@Named
@RequestScoped
public class UsersPage {
    @EJB
    UserAdministration administration;
    @EJB
    GroupAdministration groups;

    private String login;
    private String email;
    private boolean administrator;
    private List<String> chosenGroups = List.of();
    private String groupName;

    public void invite() {
        UserChange change = administration.invite(new Invitation(login, email, administrator, new HashSet<>(chosenGroups)));
        if (change instanceof UserChange.Done) {
            Messages.info("users.invited", login, email);
            login = null;
            email = null;
            administrator = false;
            chosenGroups = List.of();
        } else {
            UserMessages.show(change, "invite:");
        }
    }

    public void createGroup() {
        UserChange change = groups.createGroup(groupName);
        if (change instanceof UserChange.Done) {
            Messages.info("groups.created", groupName);
            groupName = null;
        } else {
            UserMessages.show(change, "groups:");
        }
    }

    public void deleteGroup(String name) {
        UserMessages.show(groups.deleteGroup(name), "groups:");
    }

    public List<UserView> getUsers() {
        return administration.users();
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public List<String> getChosenGroups() {
        return chosenGroups;
    }

    public void setChosenGroups(List<String> chosenGroups) {
        this.chosenGroups = chosenGroups == null ? List.of() : chosenGroups;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }
}
