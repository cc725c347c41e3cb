package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a first user and a security tester found (issue 6): sign-in over a signed-in session, caching, forms, feedback,
 * dangerous actions, a session that ends mid-edit, staff pages, phones, and the small things, in headless Chromium at
 * 1366 and 390 pixels and over plain HTTP.
 */
@OnStrongroom
@RunAsClient
class FirstUserIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");

    @ArquillianResource
    URL httpBase;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Test
    void signingInWhileSignedInEndsTheFirstSessionWhateverTheOutcome() {
        FacesClient setup = FacesClient.forTestServer(BASE);
        String first = Tenants.create(setup, "first");
        String second = Tenants.create(setup, "second");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, first, "admin", Tenants.PASSWORD);
            assertThat(browser.byId("session:who").getText()).isEqualTo("Signed in as admin (Company " + first + ")");

            browser.go("login.xhtml");
            assertThat(browser.byId("signedInNotice").getText()).contains("Signed in as admin (Company " + first + ")");
            assertThat(browser.byId("continue").getAttribute("href")).endsWith("/app/contacts.xhtml");
            signIn(browser, second, "admin", "not the password");
            assertThat(browser.text()).contains("Company, login or password is not right.");
            assertThat(browser.present("session:who")).as("a failed attempt leaves nobody signed in").isFalse();
            browser.go("app/contacts.xhtml");
            assertThat(browser.url()).contains("/login.xhtml");

            signIn(browser, first, "admin", Tenants.PASSWORD);
            signIn(browser, second, "admin", Tenants.PASSWORD);
            assertThat(browser.url()).contains("/app/contacts.xhtml");
            assertThat(browser.byId("session:who").getText()).isEqualTo("Signed in as admin (Company " + second + ")");

            browser.go("staff-login.xhtml").fill("staffSignin:login", "operator")
                    .fill("staffSignin:password", "wrong").submit("staffSignin:submit");
            assertThat(browser.text()).contains("Login or password is not right.").doesNotContain("Company,");
            assertThat(browser.present("session:who")).isFalse();
            browser.go("index.xhtml");
            assertThat(browser.present("signedInNotice")).isFalse();
        }
    }

    @Test
    void pagesAreNeverStoredSoBackAfterSignOutShowsNoData() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "back");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            browser.go("app/contact.xhtml").fill("contact:name", "Secret Customer").submit("contact:save");
            assertThat(browser.text()).contains("Secret Customer");
            browser.submit("session:signOut");
            browser.markPage();
            browser.driver().navigate().back();
            browser.awaitNewPage();
            assertThat(browser.text()).doesNotContain("Secret Customer");
            assertThat(browser.url()).contains("/login.xhtml");
        }
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
        for (String page : List.of("app/contacts.xhtml", "app/admin/users.xhtml", "login.xhtml")) {
            assertThat(admin.get(page).headers().firstValue("Cache-Control")).as(page).hasValue("no-store");
        }
        assertThat(admin.get("jakarta.faces.resource/css/strongroom.css.xhtml").headers().firstValue("Cache-Control"))
                .as("style sheets may be cached").isNotEqualTo(java.util.Optional.of("no-store"));
    }

    @Test
    void recordsConfirmWhatHappenedListsKeepTheirStateAndSayWhatMatches() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "feedback");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            for (int i = 1; i <= 12; i++) {
                browser.go("app/contact.xhtml").fill("contact:name", String.format("Person %02d", i))
                        .fill("contact:city", i % 2 == 0 ? "Even" : "Odd").submit("contact:save");
                assertThat(browser.text()).contains(String.format("Contact \"Person %02d\" created.", i));
            }
            assertThat(browser.text()).contains("1–10 of 12 contacts");

            WebElement filter = browser.driver().findElement(By.cssSelector("[id='contacts:table:city:filter']"));
            filter.sendKeys("Odd");
            browser.waitUntil(d -> browser.text().contains("1–6 of 6 contacts"));
            sortByName(browser, "ascending");
            sortByName(browser, "descending");
            browser.waitUntil(d -> firstRow(browser).contains("Person 11"));

            open(browser, "Person 11");
            browser.fill("contact:phone", "+44 20 7946 0000").submit("contact:save");
            assertThat(browser.text()).contains("Contact \"Person 11\" saved.");
            assertThat(browser.driver().findElement(By.cssSelector("[id='contacts:table:city:filter']"))
                    .getAttribute("value")).as("the filter is kept").isEqualTo("Odd");
            assertThat(browser.byId("contacts:table:name").getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(browser.text()).contains("1–6 of 6 contacts");
            assertThat(firstRow(browser)).contains("Person 11");

            WebElement name = browser.driver().findElement(By.cssSelector("[id='contacts:table:name:filter']"));
            name.sendKeys("Nobody");
            browser.waitUntil(d -> browser.present("contacts:table:noMatch"));
            assertThat(browser.text()).contains("No contact matches the filter.").doesNotContain("No contacts yet");
            browser.byId("contacts:table:clearFilter").click();
            browser.waitUntil(d -> browser.text().contains("1–10 of 12 contacts"));

            open(browser, "Person 12");
            browser.markPage();
            browser.byId("contact:delete").click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            assertThat(browser.text()).contains("Delete this contact? This cannot be undone.");
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("Contact \"Person 12\" deleted.").contains("of 11 contacts");
        }
    }

    @Test
    void aRecordThatIsNotThereIsA404AndAForbiddenPageSaysSo() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "missing");
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
        for (String page : List.of("app/contact.xhtml?id=987654321", "app/contact.xhtml?id=not-a-number",
                "app/admin/user.xhtml?login=nobody")) {
            HttpResponse<String> missing = admin.get(page);
            assertThat(missing.statusCode()).as(page).isEqualTo(404);
            assertThat(missing.body()).contains("<h1>Not found</h1>").contains("There is no such page or record")
                    .doesNotContain("Something went wrong");
        }
        HttpResponse<String> forbidden = admin.get("staff/tenants.xhtml");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("<h1>Not allowed</h1>").doesNotContain("Something went wrong");
    }

    @Test
    void nobodyDeactivatesThemselfAndDeactivatingAnotherAsksInThePage() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "danger");
        Tenants.addAdministrator(Tenants.idOf(slug).orElseThrow(), "bea");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            browser.go("app/admin/user.xhtml?login=admin");
            assertThat(browser.present("user:deactivate")).isFalse();
            assertThat(browser.text()).contains("This is your own account");

            browser.go("app/admin/users.xhtml").fill("groups:groupName", "Sales").submit("groups:create");
            browser.go("app/admin/user.xhtml?login=bea");
            browser.driver().findElement(By.xpath("//label[normalize-space()='Sales']")).click();
            browser.submit("user:saveGroups");
            assertThat(browser.text()).contains("Saved.");
            assertThat(browser.driver().findElement(By.xpath("//label[normalize-space()='Sales']/preceding-sibling::div//input"))
                    .isSelected()).as("the chosen group is kept").isTrue();

            browser.byId("user:deactivate").click();
            browser.waitUntil(d -> browser.byId("confirmNo").isDisplayed());
            assertThat(browser.text()).contains("signed out everywhere at once");
            browser.byId("confirmNo").click();
            browser.waitUntil(d -> !browser.byId("confirmNo").isDisplayed());
            assertThat(browser.byId("user:status").getText()).isEqualTo("Active");
            browser.markPage();
            browser.byId("user:deactivate").click();
            browser.waitUntil(d -> browser.byId("confirmYes").isDisplayed());
            browser.byId("confirmYes").click();
            browser.awaitNewPage();
            assertThat(browser.byId("user:status").getText()).isEqualTo("Deactivated");
        }
    }

    @Test
    void deletingATenantTakesItsShortNameTypedOut() throws Exception {
        String doomed = Tenants.create(FacesClient.forTestServer(BASE), "typed");
        TenantId id = Tenants.idOf(doomed).orElseThrow();
        FacesClient operator = staff();
        HttpResponse<String> forged = operator.submit("staff/tenant-delete.xhtml?id=" + id.value(), "delete",
                Map.of("typed", "typed"), "submit");
        assertThat(forged.body()).contains("does not match: type " + doomed + " exactly");
        assertThat(Tenants.idOf(doomed)).as("a wrong name deletes nothing").isPresent();
        try (Browser browser = Browser.open(BASE)) {
            staffSignIn(browser);
            WebElement row = browser.driver().findElement(By.xpath("//tr[td[contains(., '" + doomed + "')]]"));
            browser.markPage();
            row.findElement(By.cssSelector("button[id$=':delete']")).click();
            browser.awaitNewPage();
            assertThat(browser.text()).contains("Company " + doomed).contains("cannot be undone");
            browser.fill("delete:typed", doomed.toUpperCase()).submit("delete:submit");
            assertThat(Tenants.idOf(doomed)).isPresent();
            browser.fill("delete:typed", doomed).submit("delete:submit");
            assertThat(browser.url()).contains("/staff/tenants.xhtml");
            assertThat(browser.text()).contains("\"" + doomed + "\" and its database are deleted");
        }
        assertThat(Tenants.idOf(doomed)).isEmpty();
        assertThat(Tenants.databaseExists(Tenants.databaseOf(id))).isFalse();
    }

    @Test
    void whenTheSessionEndsMidEditSavingLeadsToSignInAndBackToThePage() {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "midedit");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "admin", Tenants.PASSWORD);
            browser.go("app/contact.xhtml").fill("contact:name", "Grace Hopper").submit("contact:save");
            open(browser, "Grace Hopper");
            String editUrl = browser.url();
            browser.fill("contact:city", "Arlington");
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.submit("contact:save");
            assertThat(browser.url()).contains("/login.xhtml");
            assertThat(browser.text()).contains("Your session has ended. Sign in again to continue where you were.");
            browser.fill("signin:tenant", slug).fill("signin:login", "admin")
                    .fill("signin:password", Tenants.PASSWORD).submit("signin:submit");
            assertThat(browser.url()).isEqualTo(editUrl);
            assertThat(browser.byId("contact:name").getAttribute("value")).isEqualTo("Grace Hopper");
        }
    }

    @Test
    void staffPagesShowTimesOnTheViewersClockAndFiguresInHumanUnits() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "clock");
        OffsetDateTime created;
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select created_at from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                created = r.getObject(1, OffsetDateTime.class);
            }
        }
        String tokyo = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(created.atZoneSameInstant(ZoneId.of("Asia/Tokyo")));
        try (Browser browser = Browser.open(BASE)) {
            browser.timeZone("Asia/Tokyo");
            staffSignIn(browser);
            WebElement row = browser.driver().findElement(By.xpath("//tr[td[contains(., '" + slug + "')]]"));
            assertThat(row.findElement(By.className("created")).getText()).isEqualTo(tokyo);
            assertThat(browser.text()).contains("Created (Asia/Tokyo)").containsPattern("\\d+ tenants");

            browser.go("staff/status.xhtml");
            assertThat(browser.byId("lockedRefusalMean").getText()).matches("[0-9.]+ (ms|s)");
            assertThat(browser.byId("lockedRefusalTotal").getText()).matches("[0-9.]+ (ms|s)");
            assertThat(browser.text()).doesNotContainIgnoringCase("nanoseconds").doesNotContain("instance");
        }
    }

    @Test
    void onAPhoneEveryPageFitsTheScreenWithTheMenuBehindAButton() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "phone");
        Tenants.addAdministrator(Tenants.idOf(slug).orElseThrow(), "bea");
        try (Browser phone = Browser.phone(BASE)) {
            for (String page : List.of("index.xhtml", "signup.xhtml", "login.xhtml", "forgot-password.xhtml",
                    "staff-login.xhtml")) {
                phone.go(page);
                assertThat(phone.scrollsSideways()).as(page).isFalse();
            }
            phone.go("signup.xhtml");
            assertThat(phone.byId("signup:companyName").getLocation().getY())
                    .as("one column: the field sits under its label")
                    .isGreaterThan(phone.driver().findElement(By.cssSelector("label[for='signup:companyName']"))
                            .getLocation().getY());
            signIn(phone, slug, "admin", Tenants.PASSWORD);
            phone.go("app/contact.xhtml").fill("contact:name", "A contact with a rather long name to wrap")
                    .fill("contact:email", "someone.with.a.long.address@a-long-domain-name.example.org")
                    .submit("contact:save");
            assertThat(phone.byId("navUsers").isDisplayed()).as("the menu is folded away").isFalse();
            phone.byId("menuButton").click();
            phone.waitUntil(d -> phone.byId("navUsers").isDisplayed());
            for (String page : List.of("app/contacts.xhtml", "app/contact.xhtml", "app/admin/users.xhtml",
                    "app/admin/user.xhtml?login=bea", "app/admin/security.xhtml", "app/password.xhtml")) {
                phone.go(page);
                assertThat(phone.scrollsSideways()).as(page).isFalse();
            }
            staffSignIn(phone);
            for (String page : List.of("staff/tenants.xhtml", "staff/status.xhtml",
                    "staff/tenant-delete.xhtml?id=" + Tenants.idOf(slug).orElseThrow().value())) {
                phone.go(page);
                assertThat(phone.scrollsSideways()).as(page).isFalse();
            }
        }
    }

    @Test
    void theSmallThingsAreFinished() throws Exception {
        FacesClient anonymous = FacesClient.forTestServer(BASE);
        String page = anonymous.get("index.xhtml").body();
        String icon = page.replaceAll("(?s).*<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/([^\"]+)\".*", "$1");
        HttpResponse<String> favicon = anonymous.get(icon);
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.body()).startsWith("<svg");

        assertThat(anonymous.get("login.xhtml?created=true&tenant=anything").body())
                .as("a forged address announces nothing").doesNotContain("is ready");
        assertThat(anonymous.submit("forgot-password.xhtml", "forgot", Map.of("company", "nobody", "login", "x"),
                "submit").body()).contains("the account’s e-mail address");

        String slug = Tenants.create(anonymous, "small");
        URI overIpv6 = URI.create("https://[::1]:" + TestPlatform.httpsPort() + "/");
        for (int i = 0; i < 10; i++) {
            Tenants.signIn(FacesClient.forTestServer(overIpv6), slug, "admin", "wrong " + i);
        }
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.addAdministrator(Tenants.idOf(slug).orElseThrow(), "root");
        Tenants.signIn(admin, slug, "root", Tenants.PASSWORD);
        String security = admin.get("app/admin/security.xhtml").body();
        assertThat(security).contains(">::1<").doesNotContain("0:0:0:0:0:0:0:1")
                .contains("Account locked").doesNotContain("ACCOUNT_LOCKED");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, slug, "root", Tenants.PASSWORD);
            browser.go("index.xhtml");
            assertThat(browser.byId("signedInNotice").getText()).contains("Signed in as root");
            browser.submit("continue");
            assertThat(browser.url()).contains("/app/contacts.xhtml");
        }
    }

    @Test
    void plainHttpGetsOnlyARedirectAndNoCookie() {
        FacesClient plain = FacesClient.forTestServer(URI.create("http://localhost:" + httpBase.getPort() + "/"));
        for (String path : List.of("app/", "app/contacts.xhtml", "staff/tenants.xhtml", "login.xhtml")) {
            HttpResponse<String> answer = plain.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(308);
            assertThat(FacesClient.location(answer)).as(path).startsWith("https://localhost:" + TestPlatform.httpsPort() + "/" + path);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void aPostFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        String slug = Tenants.create(FacesClient.forTestServer(BASE), "origin");
        FacesClient admin = FacesClient.forTestServer(BASE);
        Tenants.signIn(admin, slug, "admin", Tenants.PASSWORD);
        HttpResponse<String> forged = admin.withHeader("Origin", "https://evil.example")
                .submit("app/contact.xhtml", "contact", Map.of("name", "Planted"), "save");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> viaReferer = admin.withHeader("Referer", "https://evil.example/page")
                .submit("app/contact.xhtml", "contact", Map.of("name", "Planted"), "save");
        assertThat(viaReferer.statusCode()).isEqualTo(403);
        HttpResponse<String> own = admin.withHeader("Origin", BASE.toString().replaceAll("/$", ""))
                .submit("app/contact.xhtml", "contact", Map.of("name", "Mine"), "save");
        assertThat(own.statusCode()).isEqualTo(302);
        try (Connection c = Tenants.superuser(Tenants.databaseOf(Tenants.idOf(slug).orElseThrow()));
             ResultSet names = c.createStatement().executeQuery("select name from contact")) {
            List<String> found = new java.util.ArrayList<>();
            while (names.next()) {
                found.add(names.getString(1));
            }
            assertThat(found).containsExactly("Mine");
        }
    }

    @Test
    void signUpsFromOneAddressAreLimitedPerHour() throws Exception {
        SameHour.check(attempt -> {
            FacesClient sameAddress = FacesClient.forTestServer(BASE).from("203.0.113." + (200 + 10 * attempt));
            for (int i = 0; i < 10; i++) {
                String slug = Tenants.uniqueSlug("limit");
                HttpResponse<String> answer = sameAddress.submit("signup.xhtml", "signup", Map.of("companyName",
                        "Limit", "tenantName", slug, "adminLogin", "admin", "email", "a@" + slug + ".example.org",
                        "password", Tenants.PASSWORD, "plan", "FREE"), "submit");
                assertThat(answer.statusCode()).as("sign-up %d", i + 1).isEqualTo(302);
            }
            String refused = Tenants.uniqueSlug("limit");
            String answer = sameAddress.submit("signup.xhtml", "signup", Map.of("companyName", "Limit",
                    "tenantName", refused, "adminLogin", "admin", "email", "a@" + refused + ".example.org",
                    "password", Tenants.PASSWORD, "plan", "FREE"), "submit").body();
            assertThat(answer).contains("Too many company accounts were created from your address");
            assertThat(Tenants.idOf(refused)).isEmpty();
        });
        String other = Tenants.uniqueSlug("limit");
        assertThat(FacesClient.forTestServer(BASE).from("203.0.113.201").submit("signup.xhtml", "signup",
                Map.of("companyName", "Limit", "tenantName", other, "adminLogin", "admin",
                        "email", "a@" + other + ".example.org", "password", Tenants.PASSWORD, "plan", "FREE"),
                "submit").statusCode()).as("another address may").isEqualTo(302);
    }

    private static FacesClient staff() {
        FacesClient operator = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = operator.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", "operator", "password", TestPlatform.operatorPassword()), "submit");
        assertThat(answer.statusCode()).isEqualTo(302);
        return operator;
    }

    private static void staffSignIn(Browser browser) {
        browser.go("staff-login.xhtml").fill("staffSignin:login", "operator")
                .fill("staffSignin:password", TestPlatform.operatorPassword()).submit("staffSignin:submit");
        assertThat(browser.url()).contains("/staff/tenants.xhtml");
    }

    private static void signIn(Browser browser, String tenant, String login, String password) {
        browser.go("login.xhtml").fill("signin:tenant", tenant).fill("signin:login", login)
                .fill("signin:password", password).submit("signin:submit");
    }

    private static void open(Browser browser, String linkText) {
        browser.markPage();
        browser.driver().findElement(By.linkText(linkText)).click();
        browser.awaitNewPage();
    }

    /** Clicks the name header until the table reports the wanted order (each click replaces the header). */
    private static void sortByName(Browser browser, String order) {
        browser.byId("contacts:table:name").findElement(By.className("ui-column-title")).click();
        browser.waitUntil(d -> {
            try {
                return order.equals(browser.byId("contacts:table:name").getAttribute("aria-sort"));
            } catch (org.openqa.selenium.WebDriverException replaced) {
                return false;
            }
        });
    }

    private static String firstRow(Browser browser) {
        try {
            return browser.driver().findElement(By.cssSelector("[id='contacts:table_data'] > tr[data-ri]")).getText();
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return "";
        }
    }
}
