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
import java.util.ArrayList;
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
    private List<String> chosenGroups = new ArrayList<>();
    private String groupName;
    private List<UserView> users;

    public void invite() {
        UserChange change = administration.invite(new Invitation(login, email, administrator, new HashSet<>(chosenGroups)));
        if (change instanceof UserChange.Done) {
            Messages.info("users.invited", login, email);
            login = null;
            email = null;
            administrator = false;
            chosenGroups = new ArrayList<>();
            users = null;
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
        UserChange change = groups.deleteGroup(name);
        if (change instanceof UserChange.Done) {
            Messages.info("groups.deleted", name);
        } else {
            UserMessages.show(change, "groups:");
        }
    }

    public List<UserView> getUsers() {
        if (users == null) {
            users = administration.users();
        }
        return users;
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
        this.chosenGroups = chosenGroups == null ? new ArrayList<>() : chosenGroups;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }
}
