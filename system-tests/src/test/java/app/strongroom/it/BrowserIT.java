package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import java.net.URI;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The pages in a real browser, on the Micro WAR. */
@OnStrongroom
@RunAsClient
class BrowserIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void aCompanySignsUpSignsInKeepsItsContactsAndSignsOut() {
        String slug = Tenants.uniqueSlug("browser");
        try (Browser browser = Browser.open(BASE)) {
            browser.go("signup.xhtml")
                    .fill("signup:companyName", "Browser Trading Ltd")
                    .fill("signup:tenantName", slug)
                    .fill("signup:adminLogin", "anna")
                    .fill("signup:email", "anna@example.org")
                    .fill("signup:password", Tenants.PASSWORD)
                    .submit("signup:submit");
            assertThat(browser.url()).contains("/login.xhtml");
            assertThat(browser.text()).contains("\"" + slug + "\" is ready");
            assertThat(browser.byId("signin:tenant").getAttribute("value")).isEqualTo(slug);

            signIn(browser, slug, "anna", Tenants.PASSWORD);
            assertThat(browser.url()).contains("/app/contacts.xhtml");
            assertThat(browser.text()).contains("Signed in as anna").contains("No contacts yet.");

            browser.submit("contacts:new");
            browser.fill("contact:name", "Ada Lovelace").fill("contact:email", "ada@example.org")
                    .fill("contact:city", "London").submit("contact:save");
            assertThat(browser.url()).contains("/app/contacts.xhtml");
            assertThat(browser.text()).contains("Ada Lovelace").contains("ada@example.org").contains("London");

            openContact(browser, "Ada Lovelace");
            browser.fill("contact:email", "not-an-address").fill("contact:name", "").submit("contact:save");
            assertThat(browser.url()).contains("/app/contact.xhtml");
            assertThat(fieldMessage(browser, "contact:email")).isEqualTo("E-mail must be an address like name@example.com");
            assertThat(fieldMessage(browser, "contact:name")).isEqualTo("Name is required");

            browser.fill("contact:name", "Ada King").fill("contact:email", "ada.king@example.org").submit("contact:save");
            assertThat(browser.text()).contains("Ada King").contains("ada.king@example.org").doesNotContain("Ada Lovelace");

            openContact(browser, "Ada King");
            browser.markPage();
            browser.byId("contact:delete").click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("Contact \"Ada King\" deleted.").contains("No contacts yet.");
            assertThat(rows(browser)).isEmpty();

            browser.submit("session:signOut");
            assertThat(browser.url()).contains("/login.xhtml");
            browser.go("app/contacts.xhtml");
            assertThat(browser.url()).contains("/login.xhtml");
        }
    }

    @Test
    void theContactListPagesSortsAndFiltersInTheDatabase() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "paging");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            for (int i = 1; i <= 12; i++) {
                browser.go("app/contact.xhtml").fill("contact:name", String.format("Person %02d", i))
                        .fill("contact:city", i % 2 == 0 ? "Even" : "Odd").submit("contact:save");
            }
            assertThat(rows(browser)).hasSize(10);
            assertThat(browser.text()).contains("Person 01").doesNotContain("Person 11");

            sortByName(browser, "ascending");
            sortByName(browser, "descending");
            browser.waitUntil(d -> rowTexts(browser).get(0).contains("Person 12"));
            assertThat(rowTexts(browser).get(9)).contains("Person 03");

            WebElement filter = browser.driver().findElement(By.cssSelector("[id='contacts:table:city:filter']"));
            filter.sendKeys("odd");
            browser.waitUntil(d -> rows(browser).size() == 6);
            assertThat(rowTexts(browser)).allSatisfy(row -> assertThat(row).contains("Odd"));
        }
    }

    @Test
    void aUserOfOneTenantCannotSeeOrReachAnotherTenantsContacts() throws Exception {
        FacesClient setup = FacesClient.forTestServer(BASE);
        String mine = Tenants.create(setup, "mine");
        String theirs = Tenants.create(setup, "theirs");
        String theirHref;
        try (Browser them = Browser.open(BASE)) {
            signIn(them, theirs, "admin", Tenants.PASSWORD);
            for (String name : List.of("Secret One", "Secret Two", "Secret Three")) {
                them.go("app/contact.xhtml").fill("contact:name", name).submit("contact:save");
            }
            theirHref = them.driver().findElement(By.linkText("Secret Three")).getAttribute("href");
        }
        String id = theirHref.replaceAll(".*[?&]id=(\\d+).*", "$1");
        try (Browser me = Browser.open(BASE)) {
            signIn(me, mine, "admin", Tenants.PASSWORD);
            assertThat(me.text()).doesNotContain("Secret").contains("No contacts yet.");
            me.go("app/contact.xhtml?id=" + id);
            assertThat(me.text()).contains("There is no such page or record.").doesNotContain("Secret");
            assertThat(me.present("contact:name")).isFalse();
            me.go("app/contact.xhtml?id=not-a-number");
            assertThat(me.text()).doesNotContain("Secret");
            assertThat(me.present("contact:save")).isFalse();
        }
        TenantId theirId = Tenants.idOf(theirs).orElseThrow();
        try (java.sql.Connection c = Tenants.superuser(Tenants.databaseOf(theirId));
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet names = s.executeQuery("select name from contact order by id")) {
            List<String> left = new java.util.ArrayList<>();
            while (names.next()) {
                left.add(names.getString(1));
            }
            assertThat(left).as("the other tenant's contacts are untouched")
                    .containsExactly("Secret One", "Secret Two", "Secret Three");
        }
    }

    @Test
    void anOperatorSeesEveryTenantAndDeletesOneWithItsDatabase() throws Exception {
        String doomed = Tenants.create(FacesClient.forTestServer(BASE), "doomed");
        TenantId id = Tenants.idOf(doomed).orElseThrow();
        try (Browser browser = Browser.open(BASE)) {
            browser.go("staff-login.xhtml").fill("staffSignin:login", "operator")
                    .fill("staffSignin:password", TestPlatform.operatorPassword()).submit("staffSignin:submit");
            assertThat(browser.url()).contains("/staff/tenants.xhtml");
            WebElement row = browser.driver().findElement(By.xpath("//tr[td[contains(., '" + doomed + "')]]"));
            assertThat(row.getText()).contains("ACTIVE").contains("primary");
            browser.markPage();
            row.findElement(By.cssSelector("button[id$=':delete']")).click();
            browser.awaitNewPage();
            browser.fill("delete:typed", doomed).submit("delete:submit");
            assertThat(browser.text()).contains("\"" + doomed + "\" and its database are deleted");
            assertThat(browser.all(By.xpath("//td[contains(., '" + doomed + "')]"))).isEmpty();

            browser.go("app/contacts.xhtml");
            assertThat(browser.text()).contains("You may not open this page.");
        }
        assertThat(Tenants.idOf(doomed)).isEmpty();
        assertThat(Tenants.databaseExists(Tenants.databaseOf(id))).isFalse();
        assertThat(Tenants.roleExists(Tenants.roleOf(id))).isFalse();
        assertThat(Tenants.signIn(FacesClient.forTestServer(BASE), doomed, "admin", Tenants.PASSWORD).body())
                .contains("Company, login or password is not right.");
    }

    @Test
    void anAdministratorSetsTheRulesAndInvitesAUserWhoChoosesTheirPasswordFromTheMail() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "invite");
        String email = "zoe@" + slug + ".example.org";
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            clickThrough(browser, "navSecurity");
            browser.fill("settings:lockAfter", "many").fill("settings:cooldown", "99999999999").fill("settings:minLength", "")
                    .submit("settings:save");
            assertThat(fieldMessage(browser, "settings:lockAfter")).isEqualTo("The number of failed sign-ins before locking must be a whole number from 0 to 1000.");
            assertThat(fieldMessage(browser, "settings:cooldown"))
                    .as("a whole number that is too big names the range").contains("from 1 to 86400");
            assertThat(fieldMessage(browser, "settings:minLength")).isEqualTo("Minimum password length is required");
            browser.fill("settings:lockAfter", "3").fill("settings:cooldown", "60").fill("settings:minLength", "10")
                    .submit("settings:save");
            assertThat(browser.text()).contains("Settings saved.");
            assertThat(browser.byId("settings:minLength").getAttribute("value")).isEqualTo("10");

            clickThrough(browser, "navUsers");
            browser.fill("groups:groupName", "Accounting").submit("groups:create");
            assertThat(browser.text()).contains("Group \"Accounting\" created.");
            // Passes the browser's own check of type="email", not the server's.
            browser.fill("invite:login", "zoe").fill("invite:email", "zoe@localhost").submit("invite:submit");
            assertThat(fieldMessage(browser, "invite:email")).isEqualTo("E-mail must be an address like name@example.com");
            browser.fill("invite:login", "zoe").fill("invite:email", email);
            browser.driver().findElement(By.xpath("//label[normalize-space()='Accounting']")).click();
            browser.submit("invite:submit");
            assertThat(browser.text()).contains("Invitation for \"zoe\" sent to " + email);
            WebElement row = browser.driver().findElement(By.xpath("//tr[td[a[normalize-space()='zoe']]]"));
            assertThat(row.getText()).contains("Invited").contains("Accounting");
            browser.submit("session:signOut");

            browser.go(Mailbox.awaitLink(email, 1).toString());
            assertThat(browser.text()).contains("\"zoe\"").contains("at least 10 characters");
            browser.fill("setPassword:password", "nine char").submit("setPassword:submit");
            assertThat(fieldMessage(browser, "setPassword:password")).contains("at least 10 characters");
            browser.fill("setPassword:password", "zoe's own long password").submit("setPassword:submit");
            assertThat(browser.url()).contains("/login.xhtml");
            assertThat(browser.text()).contains("Your password is saved.");
            assertThat(browser.byId("signin:tenant").getAttribute("value")).isEqualTo(slug);

            signIn(browser, slug, "zoe", "zoe's own long password");
            assertThat(browser.url()).contains("/app/contacts.xhtml");
            assertThat(browser.text()).contains("Signed in as zoe");
            assertThat(browser.present("navUsers")).as("zoe administers nothing").isFalse();
        }
    }

    @Test
    void aUserWhoForgotTheirPasswordChoosesANewOneFromTheMail() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "forgot");
        try (Browser browser = Browser.open(BASE)) {
            browser.go("login.xhtml");
            clickThrough(browser, "forgot");
            browser.fill("forgot:company", slug).fill("forgot:login", "admin").submit("forgot:submit");
            assertThat(browser.text()).contains("a link is on its way");

            browser.go(Mailbox.awaitLink(Tenants.adminEmail(slug, "admin"), 1).toString());
            browser.fill("setPassword:password", "a brand new passphrase").submit("setPassword:submit");
            assertThat(browser.text()).contains("Your password is saved.");
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            assertThat(browser.text()).contains("Company, login or password is not right.");
            signIn(browser, slug, "admin", "a brand new passphrase");
            assertThat(browser.url()).contains("/app/contacts.xhtml");

            clickThrough(browser, "navPassword");
            browser.fill("password:current", "wrong").fill("password:next", "yet another passphrase")
                    .submit("password:submit");
            assertThat(fieldMessage(browser, "password:current")).contains("The current password is not right.");
            browser.fill("password:current", "a brand new passphrase").fill("password:next", "yet another passphrase")
                    .submit("password:submit");
            assertThat(browser.text()).contains("Your password is changed.");
        }
    }

    @Test
    void filesAreAttachedAndComeBackAsDownloadsEvenAnHtmlPage() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "attach");
        byte[] html = "<html><body><h1 id='owned'>owned</h1><script>document.title='owned'</script></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path upload = java.nio.file.Files.createTempDirectory("strongroom-upload").resolve("invoice.html");
        java.nio.file.Files.write(upload, html);
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            browser.go("app/contact.xhtml").fill("contact:name", "Carla Files").submit("contact:save");
            openContact(browser, "Carla Files");
            assertThat(browser.text()).contains("No files attached yet.");
            browser.byId("files:upload").sendKeys(upload.toString());
            browser.submit("files:attach");
            assertThat(browser.text()).contains("File \"invoice.html\" attached.").contains("invoice.html")
                    .contains("text/html").contains("admin");

            String contactPage = browser.url();
            browser.driver().findElement(By.linkText("invoice.html")).click();
            assertThat(browser.awaitDownload("invoice.html")).as("the same bytes, saved, not shown").isEqualTo(html);
            assertThat(browser.url()).isEqualTo(contactPage);
            assertThat(browser.driver().getTitle()).isNotEqualTo("owned");
            assertThat(browser.present("owned")).isFalse();

            browser.byId("files:list:0:deleteFile").click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            browser.markPage();
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("File deleted.").contains("No files attached yet.");
        }
    }

    private static void clickThrough(Browser browser, String linkId) {
        browser.markPage();
        browser.byId(linkId).click();
        browser.awaitNewPage();
    }

    /** Clicks the name header and waits until the table reports the wanted order (each click replaces the header). */
    private static void sortByName(Browser browser, String order) {
        browser.byId("contacts:table:name").findElement(By.className("ui-column-title")).click();
        try {
            browser.waitUntil(d -> {
                try {
                    return order.equals(browser.byId("contacts:table:name").getAttribute("aria-sort"));
                } catch (org.openqa.selenium.WebDriverException replaced) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("header never showed " + order + ": "
                    + browser.byId("contacts:table:name").getAttribute("outerHTML"), e);
        }
    }

    private static void signIn(Browser browser, String tenant, String login, String password) {
        browser.go("login.xhtml").fill("signin:tenant", tenant).fill("signin:login", login)
                .fill("signin:password", password).submit("signin:submit");
    }

    private static void openContact(Browser browser, String name) {
        browser.markPage();
        browser.driver().findElement(By.linkText(name)).click();
        browser.awaitNewPage();
    }

    private static String fieldMessage(Browser browser, String fieldId) {
        return browser.driver().findElement(By.xpath("//*[@id='" + fieldId
                + "']/following-sibling::div[contains(@class, 'ui-message')][1]")).getText();
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.all(By.cssSelector("[id='contacts:table_data'] > tr[data-ri]"));
    }

    private static List<String> rowTexts(Browser browser) {
        try {
            return rows(browser).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return List.of("");
        }
    }
}
