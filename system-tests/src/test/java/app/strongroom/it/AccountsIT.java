package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.tenant.user.PasswordLink;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users and passwords over HTTP against the real server, with mail through a real SMTP server: invitations, the
 * administrator's actions (who never sees a password or link), changing one's own password, "forgot password", and
 * what happens to sessions, links and the audit trail on the way.
 */
@OnStrongroom
@RunAsClient
class AccountsIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final String FAILED = "Company, login or password is not right.";
    private static final String NEW_PASSWORD = "purple elephant umbrella";
    private static final String SENT = "If the company and login belong to an account, a link is on its way";

    private String slug;
    private TenantId tenant;
    private FacesClient admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @BeforeEach
    void tenant() throws Exception {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "accounts");
        tenant = Tenants.idOf(slug).orElseThrow();
        admin = signedIn("192.0.2.60", "admin", Tenants.PASSWORD);
    }

    @Test
    void anInvitedUserChoosesTheirPasswordThroughTheMailedLinkUnderTheTenantsPolicy() throws Exception {
        assertThat(admin.submit("app/admin/users.xhtml", "groups", Map.of("groupName", "Sales"), "create").body())
                .contains("Group \"Sales\" created.");
        assertThat(admin.submit("app/admin/security.xhtml", "settings",
                Map.of("lockAfter", "10", "cooldown", "60", "minLength", "12", "version", "0"), "save").body())
                .contains("Settings saved.");
        String email = "anna@" + slug + ".example.org";
        HttpResponse<String> invited = admin.submit("app/admin/users.xhtml", "invite",
                Map.of("login", "Anna", "email", email, "groups", "Sales"), "submit");
        assertThat(invited.body()).contains("Invitation for \"Anna\" sent to " + email);

        MimeMessage mail = Mailbox.await(email, 1);
        assertThat(mail.getSubject()).contains("Company " + slug);
        URI link = Mailbox.link(mail);
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.61"), slug, "anna", NEW_PASSWORD).body())
                .as("an invited user cannot sign in before choosing a password").contains(FAILED);

        FacesClient anna = FacesClient.from(BASE, "192.0.2.61");
        String page = anna.get(relative(link)).body();
        assertThat(page).contains("Choose the password for the login \"anna\"").contains("at least 12 characters");
        assertThat(anna.submit(relative(link), "setPassword", Map.of("password", "eleven char"), "submit").body())
                .as("the tenant's minimum length applies").contains("password must have at least 12 characters");
        assertThat(anna.submit(relative(link), "setPassword", Map.of("password", "password1234"), "submit").body())
                .contains("is one of the most common passwords");
        HttpResponse<String> chosen = anna.submit(relative(link), "setPassword", Map.of("password", NEW_PASSWORD), "submit");
        assertThat(FacesClient.location(chosen)).contains("login.xhtml?tenant=" + slug);
        assertThat(Tenants.signIn(anna, slug, "anna", NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(anna.get("app/contacts.xhtml").statusCode()).isEqualTo(200);
        assertThat(anna.get("app/admin/users.xhtml").statusCode()).as("no administrator").isEqualTo(403);

        assertThat(FacesClient.from(BASE, "192.0.2.62").get(relative(link)).body()).as("a link works once")
                .contains("This link is not valid").doesNotContain("setPassword:password");

        String users = admin.get("app/admin/users.xhtml").body();
        assertThat(users).contains(email).contains("Active").contains("Sales");
        String user = admin.get("app/admin/user.xhtml?login=anna").body();
        String token = link.getQuery().replaceAll(".*token=", "");
        for (String seen : List.of(users, user)) {
            assertThat(seen).doesNotContain(token).doesNotContain("$pbkdf2").doesNotContain(NEW_PASSWORD);
        }
        assertThat(storedLinkHashes()).as("only the token's hash is stored")
                .contains(PasswordLink.sha256(token)).noneMatch(h -> h.contains(token));
        assertThat(events()).contains("USER_INVITED anna admin", "PASSWORD_SET_THROUGH_LINK anna null",
                "GROUP_CREATED null admin", "SETTINGS_CHANGED null admin");
    }

    @Test
    void deactivationEndsTheUsersSessionsAtOnceAndReactivationLetsThemBackIn() throws Exception {
        FacesClient bob = invitedUser("bob");
        assertThat(bob.get("app/contacts.xhtml").statusCode()).isEqualTo(200);
        ApiClient bobsScript = ApiClient.of(BASE).from("192.0.2.91").bearer(ApiClient.newKey(bob, "script", "READ"));
        assertThat(bobsScript.get("api/v1/contacts").statusCode()).isEqualTo(200);
        assertThat(admin.submit("app/admin/user.xhtml?login=bob", "user", Map.of(), "sendLink").body())
                .contains("A link to choose a password was mailed to \"bob\".");
        URI pending = Mailbox.awaitLink("bob@" + slug + ".example.org", 2);

        assertThat(admin.submit("app/admin/user.xhtml?login=bob", "user", Map.of(), "deactivate").body())
                .contains("User \"bob\" is deactivated and signed out everywhere; their API keys are revoked.");
        HttpResponse<String> ended = bob.get("app/contacts.xhtml");
        assertThat(FacesClient.location(ended)).contains("login.xhtml?next=%2Fapp%2Fcontacts.xhtml&ended=true");
        assertThat(FacesClient.isRedirect(bob.get("app/contacts.xhtml"))).as("the session is gone").isTrue();
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.63"), slug, "bob", NEW_PASSWORD).body())
                .contains(FAILED);
        assertThat(bob.get(relative(pending)).body()).as("deactivation voids open links").contains("This link is not valid");
        assertThat(admin.submit("app/admin/user.xhtml?login=bob", "user", Map.of(), "sendLink").statusCode())
                .as("no link button for a deactivated user").isEqualTo(200);
        assertThat(Mailbox.to("bob@" + slug + ".example.org")).hasSize(2);
        assertThat(admin.submit("app/admin/user.xhtml?login=admin", "user", Map.of(), "deactivate").body())
                .as("a forged POST for the button not offered on one's own account does nothing")
                .doesNotContain("is deactivated").contains("<span id=\"user:status\">Active</span>");
        assertThat(admin.get("app/contacts.xhtml").statusCode()).as("still signed in").isEqualTo(200);

        assertThat(admin.submit("app/admin/user.xhtml?login=bob", "user", Map.of(), "reactivate").body())
                .contains("User \"bob\" can sign in again.");
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.63"), slug, "bob", NEW_PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(bobsScript.get("api/v1/contacts").body()).as("deactivation revoked the key for good")
                .contains("revoked");
        assertThat(events()).contains("USER_DEACTIVATED bob admin", "API_KEY_REVOKED bob admin",
                "USER_REACTIVATED bob admin");
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndEndsEveryOtherSession() throws Exception {
        FacesClient elsewhere = signedIn("192.0.2.64", "admin", Tenants.PASSWORD);
        ApiClient script = ApiClient.of(BASE).from("192.0.2.92").bearer(ApiClient.newKey(elsewhere, "made by a thief",
                "READ_WRITE"));
        assertThat(script.get("api/v1/contacts").statusCode()).isEqualTo(200);

        assertThat(admin.submit("app/password.xhtml", "password", Map.of("current", "wrong", "next", NEW_PASSWORD),
                "submit").body()).contains("The current password is not right.");
        assertThat(admin.submit("app/password.xhtml", "password", Map.of("current", Tenants.PASSWORD, "next", "short"),
                "submit").body()).contains("password must have at least 8 characters");
        assertThat(admin.submit("app/password.xhtml", "password",
                Map.of("current", Tenants.PASSWORD, "next", Tenants.PASSWORD), "submit").body())
                .contains("must differ from the current one");
        assertThat(admin.submit("app/password.xhtml", "password",
                Map.of("current", Tenants.PASSWORD, "next", NEW_PASSWORD), "submit").body())
                .contains("Your password is changed.").contains("your API key is revoked");
        assertThat(script.get("api/v1/contacts").statusCode()).as("a key made in another session ends with it")
                .isEqualTo(401);

        assertThat(admin.get("app/contacts.xhtml").statusCode()).as("this session continues").isEqualTo(200);
        assertThat(FacesClient.location(elsewhere.get("app/contacts.xhtml"))).as("the other one ended")
                .contains("ended=true");
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.65"), slug, "admin", Tenants.PASSWORD).body())
                .contains(FAILED);
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.65"), slug, "admin", NEW_PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(events()).contains("PASSWORD_CHANGED admin admin", "API_KEY_REVOKED admin admin");
    }

    @Test
    void forgotPasswordAnswersAlikeAndItsLinkIsSingleUseReplaceableAndExpires() throws Exception {
        String email = Tenants.adminEmail(slug, "admin");
        List<String> answers = new ArrayList<>();
        for (String[] asked : List.of(new String[] {slug, "admin"}, new String[] {slug, "nobody"},
                new String[] {"no-such-company", "admin"}, new String[] {"!!", "??"})) {
            String body = FacesClient.from(BASE, "192.0.2.70").submit("forgot-password.xhtml", "forgot",
                    Map.of("company", asked[0], "login", asked[1]), "submit").body();
            assertThat(body).contains(SENT);
            // Each page carries its own CSP nonce, and PrimeFaces names the elements whose handlers it binds by nonce
            // with a fresh id each time; all else must be the same.
            answers.add(body.replaceAll("value=\"[^\"]*\"", "").replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll(" nonce=\"[^\"]*\"", "")
                    .replaceAll(" id=\"[a-z]+-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\"", ""));
        }
        assertThat(answers).as("the same page whatever was asked").containsOnly(answers.get(0));

        URI first = Mailbox.awaitLink(email, 1);
        ApiClient script = ApiClient.of(BASE).from("192.0.2.93").bearer(ApiClient.newKey(admin, "script", "READ"));
        assertThat(script.get("api/v1/contacts").statusCode()).isEqualTo(200);
        FacesClient client = FacesClient.from(BASE, "192.0.2.71");
        requestReset(client, "admin");
        URI second = Mailbox.awaitLink(email, 2);
        assertThat(client.get(relative(first)).body()).as("a newer link replaces the older").contains("This link is not valid");

        expire(second);
        assertThat(client.get(relative(second)).body()).contains("This link has expired. Ask for a new one.");

        requestReset(client, "admin");
        URI third = Mailbox.awaitLink(email, 3);
        HttpResponse<String> form = client.follow(relative(third));
        HttpResponse<String> chosen = client.submitFrom(form, "setPassword", Map.of("password", NEW_PASSWORD), "submit");
        assertThat(FacesClient.isRedirect(chosen)).isTrue();
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.72"), slug, "admin", NEW_PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(FacesClient.location(admin.get("app/contacts.xhtml"))).as("a reset ends sessions").contains("ended=true");
        assertThat(script.get("api/v1/contacts").statusCode()).as("and the keys").isEqualTo(401);
        assertThat(client.submitFrom(form, "setPassword", Map.of("password", "another fine password"), "submit")
                .body()).as("single use, also when the form is posted again").contains("This link is not valid");
        assertThat(client.get(relative(third)).body()).contains("This link is not valid");
        assertThat(Tenants.signIn(FacesClient.from(BASE, "192.0.2.72"), slug, "admin", "another fine password").body())
                .contains(FAILED);
        assertThat(events()).contains("PASSWORD_LINK_SENT admin null", "PASSWORD_SET_THROUGH_LINK admin null",
                "API_KEY_REVOKED admin admin");
    }

    @Test
    void anInvitationWhoseMailCannotBeSentSavesNothingAndSaysWhy() {
        Mailbox.whileDown(() -> assertThat(admin.submit("app/admin/users.xhtml", "invite",
                Map.of("login", "carol", "email", "carol@example.org"), "submit").body())
                .contains("Nothing was saved, because the e-mail could not be sent")
                .contains("the mail server 127.0.0.1"));
        assertThat(admin.get("app/admin/users.xhtml").body()).doesNotContain("carol@example.org");
        assertThat(admin.submit("app/admin/users.xhtml", "invite",
                Map.of("login", "carol", "email", "carol@example.org"), "submit").body())
                .as("once the mail server is back, the same invitation goes through").contains("Invitation for \"carol\"");
        assertThat(admin.submit("app/admin/users.xhtml", "invite",
                Map.of("login", "carol", "email", "other@example.org"), "submit").body()).contains("Login is taken");
        assertThat(admin.submit("app/admin/users.xhtml", "invite",
                Map.of("login", "dave", "email", "not an address"), "submit").body()).contains("E-mail must be an address like name@example.com");
    }

    private FacesClient invitedUser(String login) {
        String email = login + "@" + slug + ".example.org";
        assertThat(admin.submit("app/admin/users.xhtml", "invite", Map.of("login", login, "email", email), "submit")
                .body()).contains("Invitation for");
        URI link = Mailbox.awaitLink(email, 1);
        FacesClient user = FacesClient.from(BASE, "192.0.2.66");
        assertThat(FacesClient.isRedirect(user.submit(relative(link), "setPassword", Map.of("password", NEW_PASSWORD),
                "submit"))).isTrue();
        return signedIn("192.0.2.66", login, NEW_PASSWORD);
    }

    private void requestReset(FacesClient client, String login) {
        assertThat(client.submit("forgot-password.xhtml", "forgot", Map.of("company", slug, "login", login), "submit")
                .body()).contains(SENT);
    }

    private FacesClient signedIn(String address, String login, String password) {
        FacesClient client = FacesClient.from(BASE, address);
        assertThat(Tenants.signIn(client, slug, login, password).statusCode()).isEqualTo(302);
        return client;
    }

    private static String relative(URI link) {
        return link.getRawPath().substring(1) + "?" + link.getRawQuery();
    }

    private void expire(URI link) throws SQLException {
        String token = link.getQuery().replaceAll(".*token=", "");
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             PreparedStatement s = c.prepareStatement("update password_link set expires_at = now() - interval '1 second'"
                     + " where token_sha256 = ?")) {
            s.setString(1, PasswordLink.sha256(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> storedLinkHashes() throws SQLException {
        return rows("select token_sha256 from password_link");
    }

    private List<String> events() throws SQLException {
        return rows("select kind || ' ' || coalesce(login, 'null') || ' ' || coalesce(actor, 'null') from security_event");
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Tenants.superuser(Tenants.databaseOf(tenant));
             ResultSet r = c.createStatement().executeQuery(query)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
