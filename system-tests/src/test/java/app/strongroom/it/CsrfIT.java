package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CSRF on every page (P17): every form of the application, walked as each kind of user, refuses a post from another
 * site, a post carrying another session's view state, a post without one and a GET carrying one, and nothing changes;
 * the genuine post of each page still works.
 * <p>
 * Pages are found by {@link SiteWalk} from each role's landing page (where its sign-in leads; the home page for
 * anonymous visitors), so pages added later are walked as soon as a link reaches them. Seeds, for pages no link of a
 * plain walk reaches: the set-password page of a "forgot password" link mailed to the administrator (anonymous); the
 * helpdesk's and operator's restore and delete pages for this test's tenant (linked from the tenant list by buttons,
 * seeded so that the tenant acted on is this test's own). Records the walk reaches through list links (a contact,
 * product, order and invoice, a user) are made before it, and so is a side restore, whose copy the trust page links
 * to ({@code app/admin/side.xhtml}).
 */
@OnStrongroom
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsrfIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort")
            + "/");
    private static final String ORIGIN = "https://localhost:" + System.getProperty("strongroom.test.httpsPort");
    private static final String CROSS_SITE = "https://strongroom-billing.example.net";
    private static final String EXPIRED = "Page expired";
    /**
     * The walk found 127 forms (64 pages over five roles; the sign-out form of each signed-in page counts) with 129
     * to 149 buttons, as many as the staff's tenant list has rows: a page or role the walk stops reaching fails.
     */
    private static final int MINIMUM_FORMS = 120;
    /**
     * Tables that a refusal or the server's own timers legitimately write, left out of the fingerprint: the tenant's
     * audit trail and the platform's (each refused request is recorded), and the catalog tables the replication,
     * drill and backup schedules update on their own every few seconds during a test run.
     */
    private static final Set<String> TENANT_WRITTEN_BY_REFUSALS = Set.of("security_event");
    private static final Set<String> CATALOG_WRITTEN_BY_REFUSALS_OR_TIMERS = Set.of("platform_event", "site_state",
            "site_copy", "site_purge", "drill_run", "alarm", "scheduled_run");
    /**
     * Buttons the genuine-post check leaves alone, since their action would end what the following pages need (the
     * session, the test's tenant, user, order or invoice) or start platform-wide work: a page offering nothing else is
     * shown working by its sign-out form instead, from a session of its own.
     */
    private static final Set<String> DISRUPTIVE = Set.of("signOut", "backUpAll", "backUpNow", "drillNow", "rotateKey",
            "replicateNow", "verifyNow", "start:submit", "deactivate", "delete", "deleteFile", "discard", "cancelOrder",
            "cancelInvoice", "revoke", "stop", "restart", "abandon", "unlock");

    private static String slug;
    private static String database;
    private static String helpdesk;
    private static URI passwordLink;
    private static Map<String, List<SiteWalk.Page>> walked;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    /**
     * A tenant with an administrator and a plain user, one record of each kind, a helpdesk member, a backup restored
     * beside the live data, a mailed link.
     */
    @BeforeAll
    static void fixtures() throws SQLException {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "csrf");
        TenantId id = Tenants.idOf(slug).orElseThrow();
        database = Tenants.databaseOf(id);
        Tenants.addUser(id, "sam", false);
        try (ErpData data = new ErpData(database)) {
            data.group("Sales", "sam");
            long customer = data.contact("Forged Trading", "Lyon");
            long product = data.product("Anvil", "A-1");
            data.order(customer, data.userId("sam"), product, "QUOTATION");
            data.invoice(data.order(customer, data.userId("admin"), product, "CONFIRMED"));
        }
        helpdesk = Restores.helpdeskMember(TestPlatform.CATALOG);
        Instant before = Instant.now();
        Backups.backUpNow(Backups.operator(BASE), slug);
        Backups.Attempt backup = Backups.awaitFinished(id, before);
        assertThat(backup.state()).as(String.valueOf(backup.failure())).isEqualTo("GOOD");
        UUID side = Restores.request(Restores.signedInStaff(BASE, helpdesk), TestPlatform.CATALOG, slug, backup.id(),
                "SIDE", "TICKET-17 a side copy for the walk");
        Map<String, Object> restored = Restores.awaitFinished(TestPlatform.CATALOG, side, Duration.ofSeconds(120));
        assertThat(restored.get("state")).as(String.valueOf(restored.get("failure"))).isEqualTo("DONE");
        String mailbox = Tenants.adminEmail(slug, "admin");
        int mailed = Mailbox.to(mailbox).size();
        HttpResponse<String> asked = FacesClient.forTestServer(BASE).submit("forgot-password.xhtml", "forgot",
                Map.of("company", slug, "login", "admin"), "submit");
        assertThat(asked.statusCode()).isIn(200, 302);
        passwordLink = Mailbox.awaitLink(mailbox, mailed + 1);
    }

    @Test
    @Order(1)
    void everyFormRefusesCrossSitePostsOtherSessionsViewStatesAndPostsWithoutOneAndNothingChanges()
            throws SQLException {
        Map<String, List<SiteWalk.Page>> pages = pages();
        Map<String, String> before = fingerprint();
        int forms = 0;
        int submits = 0;
        List<String> accepted = new ArrayList<>();
        Set<String> withoutViewState = new java.util.TreeSet<>();
        for (Role role : roles()) {
            FacesClient victim = role.session().get().client();
            FacesClient attacker = role.session().get().client();
            for (SiteWalk.Page page : pages.get(role.name())) {
                HttpResponse<String> loaded = victim.get(page.address().toString());
                List<SiteWalk.Form> pageForms = SiteWalk.forms(loaded);
                if (pageForms.isEmpty()) {
                    continue;
                }
                Optional<String> foreign = SiteWalk.viewState(attacker.get(page.address().toString()));
                assertThat(foreign).as("the attacker's own view state of " + page.key()).isPresent();
                Optional<String> nonce = FacesClient.cspNonce(loaded);
                for (SiteWalk.Form form : pageForms) {
                    forms++;
                    if (form.viewState().isEmpty()) {
                        withoutViewState.add(page.key() + " " + form.id());
                    }
                    for (String submit : form.submits()) {
                        submits++;
                        String where = role.name() + " " + page.key() + " " + submit;
                        attempts(victim, form, submit, foreign, nonce).forEach((attempt, answer) -> {
                            if (!refused(attempt, answer)) {
                                accepted.add(where + " [" + attempt + "] HTTP " + answer.statusCode());
                            }
                        });
                    }
                }
            }
        }
        System.out.println("CsrfIT: " + submits + " buttons of " + forms + " forms refused every forgery");
        assertThat(accepted).as("forged posts that were not refused").isEmpty();
        assertThat(withoutViewState).as("forms that post without a Faces view state").isEmpty();
        assertThat(fingerprint()).as("the tenant's database and the catalog after " + submits + " buttons of " + forms
                + " forms").isEqualTo(before);
        assertThat(forms).as("forms walked: " + pages.values().stream().mapToInt(List::size).sum() + " pages")
                .isGreaterThanOrEqualTo(MINIMUM_FORMS);
    }

    @Test
    @Order(2)
    void theGenuinePostOfEveryPageStillWorksAndAChangeItMakesIsSeen() throws SQLException {
        List<String> refused = new ArrayList<>();
        int pagesShown = 0;
        for (Role role : roles()) {
            for (SiteWalk.Page page : pages().get(role.name())) {
                FacesClient own = role.session().get().client();
                HttpResponse<String> loaded = own.get(page.address().toString());
                List<SiteWalk.Form> forms = SiteWalk.forms(loaded);
                Optional<Map.Entry<SiteWalk.Form, String>> chosen = genuineChoice(forms);
                if (chosen.isEmpty()) {
                    continue;
                }
                SiteWalk.Form form = chosen.get().getKey();
                HttpResponse<String> answer = own.post(form.action(), form.body(chosen.get().getValue(),
                        form.viewState(), FacesClient.cspNonce(loaded)), form.multipart(), Map.of("Origin", ORIGIN));
                pagesShown++;
                if (!List.of(200, 302, 303).contains(answer.statusCode()) || answer.body().contains(EXPIRED)) {
                    refused.add(role.name() + " " + page.key() + " " + chosen.get().getValue() + " HTTP "
                            + answer.statusCode());
                }
            }
        }
        assertThat(refused).as("genuine posts refused").isEmpty();
        assertThat(pagesShown).isGreaterThanOrEqualTo(pages().values().stream().mapToInt(List::size).sum() / 2);

        Map<String, String> before = fingerprint();
        FacesClient admin = roles().get(1).session().get().client();
        long contact;
        try (ErpData data = new ErpData(database)) {
            contact = data.single("select id from contact where name = 'Forged Trading'");
        }
        HttpResponse<String> page = admin.get("app/contact.xhtml?id=" + contact);
        SiteWalk.Form form = SiteWalk.forms(page).stream().filter(f -> f.id().equals("contact")).findFirst()
                .orElseThrow().with("contact:name", "Genuine Trading");
        HttpResponse<String> saved = admin.post(form.action(), form.body("contact:save", form.viewState(),
                FacesClient.cspNonce(page)), false, Map.of("Origin", ORIGIN));
        assertThat(saved.statusCode()).isIn(200, 302);
        Map<String, String> after = fingerprint();
        assertThat(after).as("the fingerprint sees what a genuine post changed").isNotEqualTo(before);
        assertThat(after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))))
                .containsExactly("tenant contact");
    }

    /** Each forged sending of one button, by name: all must be refused. */
    private static Map<String, HttpResponse<String>> attempts(FacesClient victim, SiteWalk.Form form, String submit,
                                                             Optional<String> foreign, Optional<String> nonce) {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("cross-site Origin", victim.post(form.action(), form.body(submit, form.viewState(), nonce),
                form.multipart(), Map.of("Origin", CROSS_SITE)));
        answers.put("cross-site Referer only", victim.post(form.action(), form.body(submit, form.viewState(), nonce),
                form.multipart(), Map.of("Referer", CROSS_SITE + "/invoices/pay.html")));
        if (form.viewState().isEmpty()) {
            return answers;
        }
        answers.put("another session's view state", victim.post(form.action(), form.body(submit, foreign, nonce),
                form.multipart(), Map.of("Origin", ORIGIN)));
        answers.put("no view state", victim.post(form.action(), form.body(submit, Optional.empty(), nonce),
                form.multipart(), Map.of("Origin", ORIGIN)));
        String query = form.body(submit, form.viewState(), nonce).stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        String action = form.action().toString();
        answers.put("view state in a GET", victim.get(action + (action.contains("?") ? "&" : "?") + query));
        return answers;
    }

    /**
     * Refused: 403 from the filters, or, for another session's view state, which only Faces can judge, its expired
     * page; never a redirect (what an action ends with) nor the page answered afresh.
     */
    private static boolean refused(String attempt, HttpResponse<String> answer) {
        return answer.statusCode() == 403
                || attempt.startsWith("another session") && answer.body().contains(EXPIRED)
                && !FacesClient.isRedirect(answer);
    }

    /**
     * The first button of a Faces form of the page that is not {@link #DISRUPTIVE}, else the sign-out of its session
     * form.
     */
    private static Optional<Map.Entry<SiteWalk.Form, String>> genuineChoice(List<SiteWalk.Form> forms) {
        for (SiteWalk.Form form : forms.stream().filter(f -> f.viewState().isPresent()).toList()) {
            for (String submit : form.submits()) {
                String last = submit.substring(submit.lastIndexOf(':') + 1);
                if (!"session".equals(form.id()) && !DISRUPTIVE.contains(last) && !DISRUPTIVE.contains(submit)) {
                    return Optional.of(Map.entry(form, submit));
                }
            }
        }
        return forms.stream().filter(f -> "session".equals(f.id())).findFirst()
                .flatMap(f -> f.submits().stream().findFirst().map(s -> Map.entry(f, s)));
    }

    /** The pages each role reaches, walked once for both tests. */
    private static synchronized Map<String, List<SiteWalk.Page>> pages() {
        if (walked == null) {
            Map<String, List<SiteWalk.Page>> pages = new LinkedHashMap<>();
            for (Role role : roles()) {
                Session session = role.session().get();
                List<String> starts = new ArrayList<>();
                starts.add(session.landing());
                starts.addAll(role.seeds());
                pages.put(role.name(), SiteWalk.walk(session.client(), starts, 100));
            }
            pages.forEach((role, walk) -> System.out.println("CsrfIT walk, " + role + ": "
                    + walk.stream().map(SiteWalk.Page::key).toList()));
            walked = pages;
        }
        return walked;
    }

    private static List<Role> roles() {
        String link = BASE.relativize(passwordLink).toString();
        return List.of(
                new Role("anonymous", () -> new Session(FacesClient.forTestServer(BASE), "index.xhtml"),
                        List.of(link)),
                new Role("tenant administrator", () -> tenantUser("admin"), List.of()),
                new Role("tenant user", () -> tenantUser("sam"), List.of()),
                new Role("operator", () -> staff("operator", TestPlatform.operatorPassword()), staffSeeds()),
                new Role("helpdesk", () -> staff(helpdesk, Restores.HELPDESK_PASSWORD), staffSeeds()));
    }

    private static List<String> staffSeeds() {
        try {
            return List.of("staff/restore.xhtml?tenant=" + slug,
                    "staff/tenant-delete.xhtml?id=" + Tenants.idOf(slug).orElseThrow().value());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A kind of user: how a new session of it is had, and its seeds. */
    private record Role(String name, Supplier<Session> session, List<String> seeds) {
    }

    /** A client with a session of its own, and the page its sign-in led to. */
    private record Session(FacesClient client, String landing) {
    }

    private static Session tenantUser(String login) {
        FacesClient client = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = Tenants.signIn(client, slug, login, Tenants.PASSWORD);
        assertThat(answer.statusCode()).as(login + " signs in").isEqualTo(302);
        return new Session(client, FacesClient.location(answer));
    }

    private static Session staff(String login, String password) {
        FacesClient client = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = client.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", login, "password", password), "submit");
        assertThat(answer.statusCode()).as(login + " signs in").isEqualTo(302);
        return new Session(client, FacesClient.location(answer));
    }

    /**
     * Per table ({@code tenant <name>}, {@code catalog <name>}): row count and SHA-256 of every row, rows sorted, of
     * this test's tenant database and of the catalog, less the tables refusals and timers write.
     */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        digest(tables, "tenant ", Backups.contents(database), TENANT_WRITTEN_BY_REFUSALS);
        digest(tables, "catalog ", Backups.contents(TestPlatform.CATALOG), CATALOG_WRITTEN_BY_REFUSALS_OR_TIMERS);
        return tables;
    }

    private static void digest(Map<String, String> into, String prefix, Map<String, List<List<String>>> contents,
                               Set<String> excluded) {
        contents.forEach((table, rows) -> {
            if (excluded.contains(table)) {
                return;
            }
            List<String> sorted = rows.stream().map(Object::toString).sorted().toList();
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sorted.forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
                into.put(prefix + table, sorted.size() + " rows " + HexFormat.of().formatHex(sha.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
