package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.portal.PortalClaims;
import app.strongroom.portal.PortalLinkSigner;
import app.strongroom.portal.PortalPurpose;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed portal links (P21): a user mails an order's customer a link; the customer views the order and confirms or
 * declines it without an account; links are revocable per order and per tenant; every link that does not work,
 * whatever the reason, gets the same page; every use is in the tenant's audit trail with the client's address.
 */
@OnStrongroom
@RunAsClient
class PortalIT {
    private static final URI BASE =
            URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static final String INVALID = "This link is no longer valid";
    private static final String NOTE = "internal: the customer accepts up to 30 % off";
    private static String slug;
    private static TenantId tenant;
    private static String database;
    private static TenantId otherTenant;
    private static String otherDatabase;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    /** Two tenants; the first has a salesperson whose login no customer should ever see. */
    @BeforeAll
    static void tenants() throws SQLException {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "portal");
        tenant = Tenants.idOf(slug).orElseThrow();
        database = Tenants.databaseOf(tenant);
        Tenants.addUser(tenant, "zoe-sales", false);
        String other = Tenants.create(FacesClient.forTestServer(BASE), "portal-other");
        otherTenant = Tenants.idOf(other).orElseThrow();
        otherDatabase = Tenants.databaseOf(otherTenant);
    }

    @Test
    void theCustomerOpensTheMailedLinkSeesTheOrderAndConfirmsItOnce() throws Exception {
        String email = "acme-" + slug + "@example.org";
        long order = quotation(database, "Acme Trading", email);
        try (Browser user = Browser.open(BASE); Browser customer = Browser.open(BASE)) {
            signIn(user, "admin");
            user.go("app/order.xhtml?id=" + order).submit("order:sendToCustomer");
            assertThat(user.text()).contains("a link to view and answer it was mailed to the customer");
            assertThat(user.byId("order:state").getText()).isEqualTo("Sent");

            URI link = Mailbox.portalLink(Mailbox.await(email, 1));
            String replayAddress = Tenants.uniqueAddress();
            FacesClient replayer = FacesClient.from(BASE, replayAddress);
            Instant firstView = Instant.now();
            HttpResponse<String> before = replayer.get(path(link));
            customer.go(link.toString());
            String page = customer.text();
            assertThat(page).contains(number(order)).contains("Main company").contains("Acme Trading")
                    .contains("Line").contains("24.00 EUR").contains("Sent");
            assertThat(page).doesNotContain(NOTE).doesNotContain("zoe-sales");
            assertThat(customer.driver().getPageSource()).doesNotContain(NOTE).doesNotContain("zoe-sales");

            customer.submit("portal:confirm");
            assertThat(customer.text()).contains("Thank you: the order is confirmed.");
            assertThat(customer.byId("portal:state").getText()).isEqualTo("Confirmed");
            assertThat(customer.present("portal:confirm")).isFalse();
            assertThat(customer.present("portal:decline")).isFalse();
            assertThat(state(database, order)).isEqualTo("CONFIRMED");

            user.go("app/order.xhtml?id=" + order);
            assertThat(user.byId("order:state").getText()).isEqualTo("Confirmed");
            customer.go(link.toString());
            assertThat(customer.byId("portal:state").getText()).isEqualTo("Confirmed");
            assertThat(customer.present("portal:confirm")).isFalse();
            Instant lastView = Instant.now();

            // The page opened before the confirmation, posted again (a replay, a second tab): nothing changes.
            String version = text(database, "select version from sale_order where id = ?", order);
            HttpResponse<String> replay = replayer.submitFrom(before, "portal",
                    hidden(before), "confirm");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).contains("This order was already confirmed. Nothing was changed.");
            assertThat(text(database, "select version from sale_order where id = ?", order)).isEqualTo(version);
            HttpResponse<String> declineAfter = replayer.submitFrom(before, "portal",
                    hidden(before), "decline");
            assertThat(declineAfter.body()).contains("This order no longer waits for your answer.");
            assertThat(state(database, order)).isEqualTo("CONFIRMED");

            List<String> trail = Tenants.column(database, "select kind || '|' || coalesce(login, '') || '|' "
                    + "|| coalesce(client_address, '') || '|' || detail from security_event where detail like ? "
                    + "order by id", "order " + number(order) + "%");
            assertThat(trail).first().asString().startsWith("PORTAL_LINK_SENT|admin|")
                    .contains("to its customer at " + email + ", valid until");
            assertThat(trail).as("three views of one link in the hour, one entry (per clock hour they fell into)")
                    .filteredOn(e -> e.startsWith("PORTAL_ORDER_VIEWED|")).hasSizeBetween(1,
                            SameHour.spanned(firstView, lastView));
            assertThat(trail).anyMatch(e -> e.matches("PORTAL_ORDER_VIEWED\\|\\|.+\\|order SO\\d+: viewed"));
            assertThat(trail).anyMatch(e -> e.matches("PORTAL_ORDER_CONFIRMED\\|\\|.+\\|order SO\\d+: confirmed"));
            assertThat(trail).contains("PORTAL_ORDER_CONFIRMED||" + replayAddress + "|order " + number(order)
                    + ": already confirmed", "PORTAL_ORDER_DECLINED||" + replayAddress + "|order " + number(order)
                    + ": closed");
            assertThat(Tenants.column(database, "select count(*) from security_event where kind like 'PORTAL_ORDER%' "
                    + "and detail like ? and occurred_at is not null and client_address is not null",
                    "order " + number(order) + "%")).containsExactly(Long.toString(trail.size() - 1L));
        }
    }

    @Test
    void declineCancelsAnotherOrderAndAnOrderChangedMeanwhileIsNotAnsweredBlind() throws Exception {
        String email = "beta-" + slug + "@example.org";
        FacesClient admin = signedIn();
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());

        long declined = quotation(database, "Beta Stores", email);
        send(admin, declined);
        HttpResponse<String> page = customer.get(path(Mailbox.portalLink(Mailbox.await(email, 1))));
        HttpResponse<String> answer = customer.submitFrom(page, "portal", hidden(page), "decline");
        assertThat(answer.body()).contains("The order is declined.");
        assertThat(state(database, declined)).isEqualTo("CANCELLED");
        assertThat(customer.submitFrom(page, "portal", hidden(page), "confirm").body())
                .contains("This order no longer waits for your answer.");
        assertThat(state(database, declined)).isEqualTo("CANCELLED");

        long changed = quotation(database, "Beta Stores", email);
        send(admin, changed);
        String link = path(Mailbox.portalLink(Mailbox.await(email, 2)));
        HttpResponse<String> opened = customer.get(link);
        try (ErpData data = new ErpData(database)) {
            // The seller edits the sent order after the customer opened it.
            data.update("update sale_order set amount_total = 99.00, version = version + 1 where id = ?", changed);
        }
        HttpResponse<String> blind = customer.submitFrom(opened, "portal", hidden(opened), "confirm");
        assertThat(blind.body()).contains("The order was changed since you opened it").contains("99.00 EUR");
        assertThat(state(database, changed)).isEqualTo("SENT");
        assertThat(customer.submitFrom(blind, "portal", hidden(blind), "confirm").body())
                .contains("the order is confirmed");
        assertThat(state(database, changed)).isEqualTo("CONFIRMED");
    }

    @Test
    void sendingIsRefusedWithoutAnEmailOrTheRightAndChangesNothing() throws Exception {
        FacesClient admin = signedIn();
        long noEmail = quotation(database, "Mailless Ltd", null);
        HttpResponse<String> refused = admin.submit("app/order.xhtml?id=" + noEmail, "order", Map.of(),
                "sendToCustomer");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The customer has no e-mail address.");
        assertThat(state(database, noEmail)).isEqualTo("QUOTATION");

        SameHour.check(attempt -> {
            String often = "often" + attempt + "-" + slug + "@example.org";
            long mailedOften = quotation(database, "Often Ltd", often);
            for (int i = 0; i < 5; i++) {
                send(admin, mailedOften);
            }
            HttpResponse<String> sixth = admin.submit("app/order.xhtml?id=" + mailedOften, "order", Map.of(),
                    "sendToCustomer");
            assertThat(sixth.body()).contains("This customer was sent enough links to this order for this hour.");
            Mailbox.await(often, 5);
            assertThat(Mailbox.to(often)).hasSize(5);
            assertThat(Tenants.column(database, "select count(*) from security_event where kind = "
                    + "'PORTAL_LINK_SENT' and detail like ?", "order " + number(mailedOften) + " %"))
                    .containsExactly("5");
        });

        long cancelled = quotation(database, "Gone Ltd", "gone-" + slug + "@example.org");
        try (ErpData data = new ErpData(database)) {
            data.update("update sale_order set state = 'CANCELLED' where id = ?", cancelled);
        }
        HttpResponse<String> closed = admin.submit("app/order.xhtml?id=" + cancelled, "order", Map.of(),
                "sendToCustomer");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(Mailbox.to("gone-" + slug + "@example.org")).isEmpty();

        // A user without the right to change orders gets the refusal, and no mail leaves.
        String email = "ruled-" + slug + "@example.org";
        long ruled = quotation(database, "Ruled Ltd", email);
        try (ErpData data = new ErpData(database)) {
            long group = data.group("Readers " + System.nanoTime(), "zoe-sales");
            data.right("sales_order", group, true, false, false, false);
        }
        FacesClient zoe = FacesClient.forTestServer(BASE);
        assertThat(Tenants.signIn(zoe, slug, "zoe-sales", Tenants.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = zoe.follow("app/order.xhtml?id=" + ruled);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> refusedRight = zoe.submitFrom(page, "order", Map.of(), "sendToCustomer");
        assertThat(refusedRight.statusCode()).isEqualTo(200);
        assertThat(refusedRight.body()).contains("You have no right to change these records.");
        assertThat(state(database, ruled)).isEqualTo("QUOTATION");
        assertThat(Mailbox.to(email)).isEmpty();
    }

    @Test
    void revokedLinksOfOneOrderAndOfTheWholeCompanyStopWorkingAndAuditSays() throws Exception {
        String email = "gamma-" + slug + "@example.org";
        FacesClient admin = signedIn();
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        long order = quotation(database, "Gamma Goods", email);
        send(admin, order);
        String first = path(Mailbox.portalLink(Mailbox.await(email, 1)));
        HttpResponse<String> opened = customer.get(first);
        assertThat(opened.statusCode()).isEqualTo(200);

        assertThat(admin.submit("app/order.xhtml?id=" + order, "order", Map.of(), "revokeLinks").statusCode())
                .isEqualTo(302);
        assertInvalid(customer.get(first));
        HttpResponse<String> lateConfirm = customer.submitFrom(opened, "portal", hidden(opened), "confirm");
        assertThat(lateConfirm.statusCode()).isEqualTo(404);
        assertThat(lateConfirm.body()).contains(INVALID);
        assertThat(state(database, order)).isEqualTo("SENT");

        send(admin, order);
        String second = path(Mailbox.portalLink(Mailbox.await(email, 2)));
        assertThat(customer.get(second).statusCode()).isEqualTo(200);
        assertThat(admin.submit("app/admin/security.xhtml", "portalLinks", Map.of(), "revokeAll").statusCode())
                .isEqualTo(200);
        assertInvalid(customer.get(second));
        assertInvalid(customer.get(first));

        send(admin, order);
        String third = path(Mailbox.portalLink(Mailbox.await(email, 3)));
        assertThat(customer.get(third).statusCode()).isEqualTo(200);
        assertThat(Tenants.column(database, "select kind from security_event where kind in ('PORTAL_LINKS_REVOKED', "
                + "'PORTAL_LINKS_REVOKED_ALL') and login = 'admin' and client_address is not null order by id"))
                .containsSubsequence("PORTAL_LINKS_REVOKED", "PORTAL_LINKS_REVOKED_ALL");
    }

    @Test
    void everyLinkThatDoesNotWorkGetsTheSamePageWhateverIsWrongWithIt() throws Exception {
        String email = "delta-" + slug + "@example.org";
        FacesClient admin = signedIn();
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        long order = quotation(database, "Delta Partners", email);
        long otherOrder = quotation(database, "Delta Partners", email);
        send(admin, order);
        String revoked = token(Mailbox.portalLink(Mailbox.await(email, 1)));
        assertThat(admin.submit("app/order.xhtml?id=" + order, "order", Map.of(), "revokeLinks").statusCode())
                .isEqualTo(302);
        send(admin, order);
        String good = token(Mailbox.portalLink(Mailbox.await(email, 2)));
        assertThat(customer.get("portal/order.xhtml?link=" + good).statusCode()).isEqualTo(200);

        int orderGeneration = Integer.parseInt(text(database, "select portal_generation from sale_order where id = ?",
                order));
        int tenantGeneration = tenantGeneration(tenant);
        Instant month = Instant.now().plus(Duration.ofDays(30));
        PortalLinkSigner platform = PortalLinkSigner.ofMasterKey(TestPlatform.masterKey(), Clock.systemUTC());
        PortalLinkSigner othersKey = new PortalLinkSigner(
                t -> List.of(PortalLinkSigner.keyOf(TestPlatform.masterKey(), otherTenant)), Clock.systemUTC());
        PortalClaims claims = new PortalClaims(tenant, order, PortalPurpose.ORDER_ANSWER, month, orderGeneration,
                tenantGeneration);
        assertThat(customer.get("portal/order.xhtml?link=" + platform.sign(claims)).statusCode())
                .as("the test's signer makes links the server takes").isEqualTo(200);
        long othersOrder = quotation(otherDatabase, "Omega", null);
        String othersOwn = platform.sign(new PortalClaims(otherTenant, othersOrder, PortalPurpose.ORDER_ANSWER,
                month, 0, tenantGeneration(otherTenant)));
        assertThat(customer.get("portal/order.xhtml?link=" + othersOwn).statusCode()).isEqualTo(200);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("cut short", good.substring(0, good.length() - 1));
        bad.put("cut to half", good.substring(0, good.length() / 2));
        bad.put("padded", good + "=");
        bad.put("padded with a character", good + "A");
        bad.put("a flipped bit", flipBit(good, 200));
        bad.put("a flipped bit in the MAC", flipBit(good, 73 * 8));
        bad.put("expired", platform.sign(new PortalClaims(tenant, order, PortalPurpose.ORDER_ANSWER,
                Instant.now().minusSeconds(1), orderGeneration, tenantGeneration)));
        bad.put("revoked for the order", revoked);
        bad.put("an older company-wide generation", platform.sign(new PortalClaims(tenant, order,
                PortalPurpose.ORDER_ANSWER, month, orderGeneration, tenantGeneration + 1)));
        bad.put("another order's id put in", withOrderId(good, otherOrder));
        bad.put("an order that does not exist", platform.sign(new PortalClaims(tenant, 9_999_999,
                PortalPurpose.ORDER_ANSWER, month, 0, tenantGeneration)));
        bad.put("re-signed with another tenant's key", othersKey.sign(claims));
        bad.put("another tenant's link with this tenant put in", withTenant(othersOwn, tenant));
        bad.put("garbage", "garbage");
        bad.put("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        bad.put("empty", "");

        HttpResponse<String> reference = customer.get("portal/order.xhtml");
        assertInvalid(reference);
        for (Map.Entry<String, String> link : bad.entrySet()) {
            HttpResponse<String> answer = customer.get("portal/order.xhtml?link=" + link.getValue());
            assertInvalid(answer);
            assertThat(normalised(answer)).as(link.getKey()).isEqualTo(normalised(reference));
        }
        assertThat(state(database, order)).isEqualTo("SENT");
        assertThat(state(database, otherOrder)).isEqualTo("QUOTATION");
        assertThat(Tenants.column(database, "select detail from security_event where kind = 'PORTAL_LINK_REFUSED' "
                + "and detail like ? and client_address is not null", "order " + number(order) + ":%"))
                .as("genuine links used too late are in the tenant's trail")
                .contains("order " + number(order) + ": an expired link", "order " + number(order)
                        + ": a revoked link");
    }

    @Test
    void aNetworkSendingBadLinksIsAnsweredAsInvalidForAWhileAndOthersAreNot() throws Exception {
        String email = "epsilon-" + slug + "@example.org";
        long order = quotation(database, "Epsilon", email);
        send(signedIn(), order);
        String good = path(Mailbox.portalLink(Mailbox.await(email, 1)));
        FacesClient guesser = FacesClient.from(BASE, Tenants.uniqueAddress());
        assertThat(guesser.get(good).statusCode()).isEqualTo(200);
        for (int i = 0; i < 30; i++) {
            assertInvalid(guesser.get("portal/order.xhtml?link=guess" + i));
        }
        assertInvalid(guesser.get(good));
        assertThat(FacesClient.from(BASE, Tenants.uniqueAddress()).get(good).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSitePostToThePortalIsRefusedAndChangesNothing() throws Exception {
        String email = "zeta-" + slug + "@example.org";
        long order = quotation(database, "Zeta", email);
        send(signedIn(), order);
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        HttpResponse<String> page = customer.get(path(Mailbox.portalLink(Mailbox.await(email, 1))));
        HttpResponse<String> forged = customer.withHeader("Origin", "https://evil.example")
                .submitFrom(page, "portal", hidden(page), "confirm");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> noViewState = customer.exchange("POST", path(URI.create(page.uri().toString())),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), HttpResponse.BodyHandlers.ofString());
        assertThat(noViewState.body()).doesNotContain("the order is confirmed");
        assertThat(state(database, order)).isEqualTo("SENT");
    }

    @Test
    void aLinkRevokedBeforeALiveRestoreStaysDeadAfterItThoughTheOrdersRowsAreOlder() throws Exception {
        String restored = Tenants.create(FacesClient.forTestServer(BASE), "portal-restore");
        TenantId restoredId = Tenants.idOf(restored).orElseThrow();
        String restoredDb = Tenants.databaseOf(restoredId);
        String email = "eta-" + restored + "@example.org";
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        long order = quotation(restoredDb, "Eta", email);
        send(signedIn(restored), order);
        String mailed = path(Mailbox.portalLink(Mailbox.await(email, 1)));
        assertThat(customer.get(mailed).statusCode()).isEqualTo(200);

        Instant beforeBackup = Instant.now();
        Backups.backUpNow(Backups.operator(BASE), restored);
        Backups.Attempt backup = Backups.awaitFinished(restoredId, beforeBackup);
        assertThat(backup.state()).as(String.valueOf(backup.failure())).isEqualTo("GOOD");
        assertThat(signedIn(restored).submit("app/order.xhtml?id=" + order, "order", Map.of(), "revokeLinks")
                .statusCode()).isEqualTo(302);
        assertInvalid(customer.get(mailed));

        FacesClient helpdesk = Restores.signedInStaff(BASE, Restores.helpdeskMember(TestPlatform.CATALOG));
        UUID restore = Restores.request(helpdesk, TestPlatform.CATALOG, restored, backup.id(), "LIVE",
                "TICKET-21 portal links");
        Map<String, Object> done = Restores.awaitFinished(TestPlatform.CATALOG, restore, Duration.ofSeconds(120));
        assertThat(done.get("state")).as(String.valueOf(done.get("failure"))).isEqualTo("DONE");
        assertThat(text(restoredDb, "select portal_generation from sale_order where id = ?", order))
                .as("the order's own generation is back to the one the revoked link carries").isEqualTo("0");
        assertInvalid(customer.get(mailed));

        send(signedIn(restored), order);
        assertThat(customer.get(path(Mailbox.portalLink(Mailbox.await(email, 2)))).statusCode()).isEqualTo(200);
    }

    /** The order given to another customer: the link mailed to the first one neither shows nor answers it. */
    @Test
    void aLinkMailedToTheFormerCustomerDiesWhenTheOrderGoesToAnother() throws Exception {
        String email = "lambda-" + slug + "@example.org";
        FacesClient admin = signedIn();
        long order = quotation(database, "Lambda", email);
        send(admin, order);
        String link = path(Mailbox.portalLink(Mailbox.await(email, 1)));
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        HttpResponse<String> opened = customer.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        long other;
        Map<String, String> fields = new LinkedHashMap<>();
        try (ErpData data = new ErpData(database)) {
            other = data.contact("Mu", null);
            fields.put("customer_input", Long.toString(other));
            fields.put("salesperson_input", Long.toString(data.userId("zoe-sales")));
            fields.put("orderDate_input", LocalDate.now(ZoneOffset.UTC).toString());
            fields.put("lines:0:product_input", data.text("select product_id from sale_order_line where order_id = ?",
                    order));
            fields.put("lines:0:quantity", "2");
        }
        HttpResponse<String> saved = admin.submit("app/order.xhtml?id=" + order, "order", fields, "save");
        assertThat(text(database, "select customer_id from sale_order where id = ?", order)).as(saved.body())
                .isEqualTo(Long.toString(other));
        assertInvalid(customer.get(link));
        HttpResponse<String> answer = customer.submitFrom(opened, "portal", hidden(opened), "confirm");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(state(database, order)).isEqualTo("SENT");
    }

    /**
     * A revoke-all that commits while a confirm waits for the order's row lock wins: the confirm, once it has the
     * lock, asks the tenant's generation again and finds its link dead.
     */
    @Test
    void aRevokeAllCommittedWhileAConfirmWaitsForTheOrderWins() throws Exception {
        String email = "kappa-" + slug + "@example.org";
        FacesClient admin = signedIn();
        long order = quotation(database, "Kappa", email);
        send(admin, order);
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        HttpResponse<String> page = customer.get(path(Mailbox.portalLink(Mailbox.await(email, 1))));
        assertThat(page.statusCode()).isEqualTo(200);
        CompletableFuture<HttpResponse<String>> confirm;
        try (Connection holder = Tenants.superuser(database)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select id from sale_order where id = ? for update")) {
                lock.setLong(1, order);
                lock.executeQuery().close();
            }
            confirm = CompletableFuture.supplyAsync(() -> customer.submitFrom(page, "portal", hidden(page), "confirm"));
            awaitOneWaitingOnALock(database);
            assertThat(admin.submit("app/admin/security.xhtml", "portalLinks", Map.of(), "revokeAll").statusCode())
                    .isEqualTo(200);
            holder.rollback();
        }
        HttpResponse<String> answer = confirm.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains(INVALID);
        assertThat(state(database, order)).isEqualTo("SENT");
    }

    private static void awaitOneWaitingOnALock(String db) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!Tenants.column("postgres", "select pid from pg_stat_activity where datname = ? "
                    + "and wait_event_type = 'Lock'", db).isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the confirm never waited for the order's lock");
    }

    /**
     * Requests that are no working use of a link, though they never reach the link's check: a post whose hidden field
     * does not convert, a post of a view this client never had (expired), a tenant held in maintenance, a tenant
     * whose database cannot be reached (one never made). Each gets the invalid-link page, never an error page.
     */
    @Test
    void requestsThatNeverReachTheLinkCheckGetTheSameInvalidPage() throws Exception {
        String email = "theta-" + slug + "@example.org";
        long order = quotation(database, "Theta", email);
        send(signedIn(), order);
        FacesClient customer = FacesClient.from(BASE, Tenants.uniqueAddress());
        HttpResponse<String> reference = customer.get("portal/order.xhtml");
        HttpResponse<String> page = customer.get(path(Mailbox.portalLink(Mailbox.await(email, 1))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).as("the link is in the address")
                .contains("strict-origin");

        Map<String, String> notANumber = hidden(page);
        notANumber.put("seen", "one");
        HttpResponse<String> unconverted = customer.submitFrom(page, "portal", notANumber, "confirm");
        assertInvalid(unconverted);
        assertThat(normalised(unconverted)).isEqualTo(normalised(reference));

        HttpResponse<String> expired = FacesClient.from(BASE, Tenants.uniqueAddress())
                .submitFrom(page, "portal", hidden(page), "confirm");
        assertInvalid(expired);
        assertThat(normalised(expired)).isEqualTo(normalised(reference));
        assertThat(state(database, order)).isEqualTo("SENT");

        long othersOrder = quotation(otherDatabase, "Iota", null);
        String link = "portal/order.xhtml?link=" + PortalLinkSigner.ofMasterKey(TestPlatform.masterKey(),
                Clock.systemUTC()).sign(new PortalClaims(otherTenant, othersOrder, PortalPurpose.ORDER_ANSWER,
                Instant.now().plus(Duration.ofDays(1)), 0, tenantGeneration(otherTenant)));
        assertThat(customer.get(link).statusCode()).isEqualTo(200);
        try {
            Tenants.execute(TestPlatform.CATALOG, "update tenant set status = 'MAINTENANCE' where id = ?",
                    otherTenant.value());
            HttpResponse<String> maintenance = customer.get(link);
            assertInvalid(maintenance);
            assertThat(normalised(maintenance)).isEqualTo(normalised(reference));
        } finally {
            Tenants.execute(TestPlatform.CATALOG, "update tenant set status = 'ACTIVE' where id = ?",
                    otherTenant.value());
        }
        // A tenant of the catalog whose database cannot be reached: here, one that was never made.
        TenantId nowhere = TenantId.random();
        try {
            Tenants.execute(TestPlatform.CATALOG, "insert into tenant (id, slug, company_name, plan, status, "
                    + "server_name, created_at, updated_at) select ?, ?, 'Nowhere', 'FREE', 'ACTIVE', server_name, "
                    + "now(), now() from tenant where id = ?", nowhere.value(), Tenants.uniqueSlug("nowhere"),
                    tenant.value());
            // HTTP/1.1: the pool waits its 30 s for a connection, longer than the server keeps an HTTP/2 session.
            HttpResponse<String> unreachable = FacesClient.forTestServer(BASE, HttpClient.Version.HTTP_1_1)
                    .from(Tenants.uniqueAddress()).get("portal/order.xhtml?link=" + PortalLinkSigner
                    .ofMasterKey(TestPlatform.masterKey(), Clock.systemUTC()).sign(new PortalClaims(nowhere, 1,
                            PortalPurpose.ORDER_ANSWER, Instant.now().plus(Duration.ofDays(1)), 0, 0)));
            assertInvalid(unreachable);
            assertThat(normalised(unreachable)).isEqualTo(normalised(reference));
        } finally {
            Tenants.execute(TestPlatform.CATALOG, "delete from tenant where id = ?", nowhere.value());
        }
        assertThat(customer.get(link).statusCode()).as("the link works again").isEqualTo(200);
    }

    private static void assertInvalid(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains(INVALID).doesNotContain("jakarta.faces.ViewState");
        assertThat(answer.headers().allValues("Set-Cookie")).as("no session for a link that does not work")
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("Referrer-Policy")).contains("strict-origin");
    }

    /** The page without its CSP nonce, which differs on every response. */
    private static String normalised(HttpResponse<String> page) {
        return page.body().replaceAll(" nonce=\"[^\"]*\"", "")
                .replaceAll("csp\\.init\\('[^']*'\\)", "csp.init()");
    }

    /** A quotation of the tenant's company to a new customer, with one line, sold by zoe-sales, with a note. */
    private static long quotation(String db, String customer, String email) throws SQLException {
        try (ErpData data = new ErpData(db)) {
            long contact = data.contact(customer, null);
            data.update("update contact set email = ? where id = ?", email, contact);
            long product = data.product("Widget", "W-" + System.nanoTime());
            long seller = db.equals(database) ? data.userId("zoe-sales") : data.userId("admin");
            long order = data.order(contact, seller, product, "QUOTATION");
            data.update("update sale_order set note = ? where id = ?", NOTE, order);
            return order;
        }
    }

    private static void send(FacesClient admin, long order) {
        HttpResponse<String> sent = admin.submit("app/order.xhtml?id=" + order, "order", Map.of(), "sendToCustomer");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    }

    private static FacesClient signedIn() {
        return signedIn(slug);
    }

    private static FacesClient signedIn(String company) {
        FacesClient client = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = Tenants.signIn(client, company, "admin", Tenants.PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return client;
    }

    private static void signIn(Browser browser, String login) {
        browser.go("login.xhtml").fill("signin:tenant", slug).fill("signin:login", login)
                .fill("signin:password", Tenants.PASSWORD).submit("signin:submit");
    }

    /** The portal form's hidden fields (the link and the order version the customer saw), as a browser posts them. */
    private static Map<String, String> hidden(HttpResponse<String> page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("name=\"portal:(link|seen)\" value=\"([^\"]*)\"").matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        assertThat(fields).as(page.body()).containsOnlyKeys("link", "seen");
        return fields;
    }

    private static String path(URI link) {
        return link.getRawPath().substring(1) + "?" + link.getRawQuery();
    }

    private static String token(URI link) {
        return link.getRawQuery().substring("link=".length());
    }

    private static String flipBit(String token, int bit) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token with another order id written over its own (bytes 17 to 24), its MAC left as it was. */
    private static String withOrderId(String token, long order) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        ByteBuffer.wrap(bytes).putLong(17, order);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token with another tenant id written over its own (bytes 1 to 16), its MAC left as it was. */
    private static String withTenant(String token, TenantId other) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        ByteBuffer.wrap(bytes).putLong(1, other.value().getMostSignificantBits())
                .putLong(9, other.value().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int tenantGeneration(TenantId id) throws SQLException {
        return Tenants.column(TestPlatform.CATALOG, "select generation from portal_link_generation where tenant_id = ?",
                id.value()).stream().findFirst().map(Integer::parseInt).orElse(0);
    }

    private static String state(String db, long order) throws SQLException {
        return text(db, "select state from sale_order where id = ?", order);
    }

    private static String text(String db, String query, Object... parameters) throws SQLException {
        try (ErpData data = new ErpData(db)) {
            return data.text(query, parameters);
        }
    }

    private static String number(long order) {
        return String.format("SO%05d", order);
    }
}
