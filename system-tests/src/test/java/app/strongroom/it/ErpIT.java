package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The ERP in the running application: orders and invoices in a real browser, the access matrix through the pages,
 * the administrator's access page, stored script payloads and the Content-Security-Policy (P15, P16, P19, P20).
 */
@OnStrongroom
@RunAsClient
class ErpIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort") + "/");
    private static String slug;
    private static String database;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    /** One tenant for the class: its administrator, and Sam of the Sales group. */
    @BeforeAll
    static void tenant() throws SQLException {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "erp");
        TenantId id = Tenants.idOf(slug).orElseThrow();
        database = Tenants.databaseOf(id);
        Tenants.addUser(id, "sam", false);
        try (ErpData data = new ErpData(database)) {
            data.group("Sales", "sam");
        }
    }

    @Test
    void anOrderIsQuotedConfirmedInvoicedPostedAndPaidInTheBrowser() throws SQLException {
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            browser.go("app/product.xhtml").fill("product:name", "Widget").fill("product:code", "W-1")
                    .fill("product:unitPrice", "abc").fill("product:taxRate", "20").submit("product:save");
            assertThat(browser.url()).contains("/app/product.xhtml");
            assertThat(browser.messageFor("product:unitPrice")).contains("Unit price");
            browser.fill("product:unitPrice", "19.99").submit("product:save");
            assertThat(browser.text()).contains("Product \"Widget\" created.").contains("W-1").contains("19.99");

            browser.go("app/contact.xhtml").fill("contact:name", "Acme Trading").submit("contact:save");
            browser.go("app/order.xhtml");
            choose(browser, "order:customer_input", "Acme Trading");
            choose(browser, "order:lines:0:product_input", "W-1 Widget");
            browser.fill("order:lines:0:quantity", "3").submit("order:save");
            assertThat(browser.text()).contains("Quotation created.").contains("Quotation");
            // 3 x 19.99 = 59.97; tax 20 % = 11.994 -> 11.99
            assertThat(browser.byId("order:untaxed").getText()).isEqualTo("59.97");
            assertThat(browser.byId("order:tax").getText()).isEqualTo("11.99");
            assertThat(browser.byId("order:total").getText()).isEqualTo("71.96 EUR");

            browser.submit("order:confirm");
            assertThat(browser.byId("order:state").getText()).isEqualTo("Confirmed");
            browser.submit("order:invoice");
            assertThat(browser.url()).contains("/app/invoice.xhtml");
            assertThat(browser.text()).contains("Invoice created.");
            assertThat(browser.byId("invoice:state").getText()).isEqualTo("Draft");
            assertThat(browser.byId("invoice:total").getText()).isEqualTo("71.96 EUR");
            browser.submit("invoice:post");
            assertThat(browser.byId("invoice:state").getText()).isEqualTo("Posted");
            browser.submit("invoice:pay");
            assertThat(browser.byId("invoice:state").getText()).isEqualTo("Paid");
            assertThat(browser.present("invoice:cancelInvoice")).isFalse();
        }
    }

    /** Every filter that reads a form's fields before Faces does must read them as UTF-8, as the page sent them. */
    @Test
    void textOutsideAsciiSurvivesAFormAsTyped() throws SQLException {
        String name = "Zoë Ærøskøbing – 東京 Ünal";
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            browser.go("app/contact.xhtml").fill("contact:name", name).fill("contact:city", "Saint-Étienne")
                    .submit("contact:save");
            assertThat(browser.text()).contains(name);
        }
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from contact where name = ? and city = ?", name,
                    "Saint-Étienne")).isEqualTo(1);
        }
    }

    /** A number's digits are read in time that grows with their square: a form field of a megabyte is not read. */
    @Test
    void aNumberLongerThanAnyAmountIsRefusedUnread() throws SQLException {
        FacesClient admin = signedIn("admin");
        HttpResponse<String> refused = admin.submit("app/product.xhtml", "product", Map.of("name", "Huge",
                "code", "HUGE-1", "unitPrice", "1" + "0".repeat(1_000_000), "taxRate", "20"), "save");
        assertThat(refused.body()).contains("Unit price is longer than a number may be (40 characters).");
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from product where code = 'HUGE-1'")).isZero();
        }
    }

    @Test
    void postingAnInvoiceCancelledMeanwhileIsRefusedWithAMessage() throws SQLException {
        long invoice;
        try (ErpData data = new ErpData(database)) {
            long customer = data.contact("Late Customer", null);
            long product = data.product("Gadget", "G-" + System.nanoTime());
            invoice = data.invoice(data.order(customer, data.userId("admin"), product, "CONFIRMED"));
        }
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            browser.go("app/invoice.xhtml?id=" + invoice);
            assertThat(browser.byId("invoice:state").getText()).isEqualTo("Draft");

            FacesClient other = signedIn("admin");
            HttpResponse<String> cancelled = other.submitFrom(other.follow("app/invoice.xhtml?id=" + invoice),
                    "invoice", Map.of(), "cancelInvoice");
            assertThat(cancelled.statusCode()).isEqualTo(302);

            browser.submit("invoice:post");
            assertThat(browser.text()).contains("Only a draft invoice can be posted.");
            browser.go("app/invoice.xhtml?id=" + invoice);
            assertThat(browser.byId("invoice:state").getText()).isEqualTo("Cancelled");
        }
    }

    @Test
    void theAdministratorSetsRightsAndRulesOnTheAccessPageAndAsksWhy() throws SQLException {
        long samsOrder;
        long bossOrder;
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            long customer = data.contact("Rule Customer", null);
            long product = data.product("Ruled", "R-" + System.nanoTime());
            samsOrder = data.order(customer, data.userId("sam"), product, "QUOTATION");
            bossOrder = data.order(customer, data.userId("admin"), product, "QUOTATION");
        }
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            browser.go("app/admin/access.xhtml");
            int salesOrdersOfSales = rightsRow(browser, "Sales orders", "Sales");
            clickBox(browser, "rights:matrix:" + salesOrdersOfSales + ":read");
            clickBox(browser, "rights:matrix:" + salesOrdersOfSales + ":write");
            browser.submit("rights:save");
            assertThat(browser.text()).contains("Rights saved.");

            browser.fill("rule:name", "Own orders").fill("rule:expression", "salesperson = = user.id")
                    .submit("rule:save");
            assertThat(browser.messageFor("rule:expression")).contains("line 1, column 15");
            try (ErpData data = new ErpData(database)) {
                assertThat(data.single("select count(*) from record_rule")).as("nothing saved").isZero();
            }
            browser.fill("rule:expression", "salesperson = user.id").submit("rule:save");
            assertThat(browser.text()).contains("Rule saved.").contains("salesperson = user.id");

            browser.fill("explain:login", "sam").fill("explain:recordId", Long.toString(bossOrder))
                    .submit("explain:ask");
            assertThat(browser.byId("verdict").getText()).isEqualTo("Denied");
            assertThat(browser.text()).contains("The right is granted to: [Sales]").contains("the record is outside");
            browser.fill("explain:recordId", Long.toString(samsOrder)).submit("explain:ask");
            assertThat(browser.byId("verdict").getText()).isEqualTo("Allowed");
        }
        FacesClient sam = signedIn("sam");
        String list = sam.follow("app/orders.xhtml").body();
        assertThat(list).contains(String.format("SO%05d", samsOrder)).doesNotContain(String.format("SO%05d", bossOrder));
        assertThat(sam.follow("app/order.xhtml?id=" + bossOrder).statusCode()).isEqualTo(404);
        assertThat(sam.follow("app/admin/access.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void theAdministratorWritesComputedDefaultsAndNewFormsOpenWithThemForEachUser() throws SQLException {
        long salesGroup;
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            data.update("delete from field_default");
            salesGroup = data.single("select id from user_group where name = 'Sales'");
            data.right("sales_order", salesGroup, true, true, true, false);
        }
        LocalDate inAWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            browser.go("app/admin/defaults.xhtml");
            String date = "defaults:list:" + defaultsRow(browser, "order_date") + ":expression";
            String note = "defaults:list:" + defaultsRow(browser, "note") + ":expression";
            browser.fill(date, "today +").fill(note, "'Net 30'").submit("defaults:save");
            assertThat(browser.messageFor(date)).contains("line 1, column 8").contains("number of days");
            assertThat(browser.text()).contains("One default was refused; the others are saved.");
            assertThat(browser.byId(date).getAttribute("value")).as("what was typed stays").isEqualTo("today +");
            try (ErpData data = new ErpData(database)) {
                assertThat(data.single("select count(*) from field_default where field = 'order_date'"))
                        .as("nothing saved").isZero();
                assertThat(data.single("select count(*) from field_default where field = 'note'")).isEqualTo(1);
            }

            browser.fill(date, "today + 7").fill(note, "if %d in user.groups then 'Sales desk' else 'Head office'"
                    .formatted(salesGroup)).submit("defaults:save");
            assertThat(browser.text()).contains("Defaults saved.");
            assertThat(browser.byId(date.replace(":expression", ":value")).getText()).isEqualTo(inAWeek.toString());
            assertThat(browser.byId(note.replace(":expression", ":value")).getText()).isEqualTo("Head office");

            browser.go("app/order.xhtml");
            assertThat(browser.byId("order:orderDate_input").getAttribute("value")).isEqualTo(inAWeek.toString());
            assertThat(browser.byId("order:note").getAttribute("value")).isEqualTo("Head office");
        }
        FacesClient sam = signedIn("sam");
        assertThat(sam.follow("app/order.xhtml").body()).contains(">Sales desk</textarea>")
                .contains("value=\"" + inAWeek + "\"");
        assertThat(sam.follow("app/admin/defaults.xhtml").statusCode()).isEqualTo(403);
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from security_event where kind = 'DEFAULT_SAVED'"))
                    .isEqualTo(3);
            data.update("delete from field_default");
        }
    }

    @Test
    void filesOnOrdersAndInvoicesFollowTheRecordsRulesAndGoWithThem() throws SQLException {
        long order;
        long invoice;
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            long sales = data.single("select id from user_group where name = 'Sales'");
            data.right("sales_order", sales, true, true, true, true);
            data.right("invoice", sales, true, true, true, true);
            long customer = data.contact("Files Customer", null);
            long product = data.product("Filed", "FI-" + System.nanoTime());
            order = data.order(customer, data.userId("admin"), product, "QUOTATION");
            invoice = data.invoice(data.order(customer, data.userId("admin"), product, "CONFIRMED"));
        }
        FacesClient admin = signedIn("admin");
        byte[] content = "the signed quotation".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> attached = admin.upload(admin.follow("app/order.xhtml?id=" + order), "files", "upload",
                "quotation.txt", "text/plain", content, "attach");
        assertThat(attached.body()).contains("File \"quotation.txt\" attached.");
        admin.upload(admin.follow("app/invoice.xhtml?id=" + invoice), "files", "upload", "receipt.txt", "text/plain",
                content, "attach");
        long orderFile;
        long invoiceFile;
        try (ErpData data = new ErpData(database)) {
            orderFile = data.single("select id from stored_file where sale_order_id = ?", order);
            invoiceFile = data.single("select id from stored_file where invoice_id = ?", invoice);
            data.globalRule("sales_order", "salesperson = user.id");
        }
        assertThat(admin.download("app/files/" + orderFile).body()).isEqualTo(content);
        assertThat(admin.follow("app/order.xhtml?id=" + order).body()).contains("quotation.txt");

        FacesClient sam = signedIn("sam");
        assertThat(sam.download("app/files/" + orderFile).statusCode()).as("the order is outside Sam's rules")
                .isEqualTo(404);
        assertThat(sam.download("app/files/" + invoiceFile).body()).as("the invoice is not").isEqualTo(content);
        try (ErpData data = new ErpData(database)) {
            data.update("delete from record_rule");
            data.right("invoice", data.single("select id from user_group where name = 'Sales'"), false, false, false,
                    false);
        }
        assertThat(sam.download("app/files/" + invoiceFile).statusCode()).as("no right to invoices").isEqualTo(404);

        HttpResponse<String> deleted = admin.submitFrom(admin.follow("app/order.xhtml?id=" + order), "order",
                Map.of(), "delete");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(admin.download("app/files/" + orderFile).statusCode()).isEqualTo(404);
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from stored_file where id = ?", orderFile)).isZero();
        }
    }

    @Test
    void idsThatAreNoIdsOrAnotherTenantsAreNotFound() throws SQLException {
        String otherSlug = Tenants.create(FacesClient.forTestServer(BASE), "erp-other");
        long foreign;
        try (ErpData other = new ErpData(Tenants.databaseOf(Tenants.idOf(otherSlug).orElseThrow()))) {
            long customer = other.contact("Foreign", null);
            long product = other.product("Foreign", "F-1");
            for (int i = 0; i < 50; i++) {
                other.order(customer, other.userId("admin"), product, "QUOTATION");
            }
            foreign = other.order(customer, other.userId("admin"), product, "QUOTATION");
        }
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from sale_order where id = ?", foreign)).isZero();
        }
        FacesClient admin = signedIn("admin");
        for (String id : List.of(Long.toString(foreign), "abc", "-1", "0", "1e3", "99999999999999999999", "1 or 1=1")) {
            for (String page : List.of("order", "invoice", "product", "contact")) {
                HttpResponse<String> answer = admin.follow("app/" + page + ".xhtml?id="
                        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(page + " " + id).isEqualTo(404);
            }
        }
    }

    @Test
    void storedScriptPayloadsNeverRunAndEveryPageCarriesAPolicyWithoutInlineScripts() throws SQLException {
        String payload = "<script>window.__xss=1</script>\"><img src=x onerror=\"window.__xss=2\">'><svg onload=window.__xss=3>";
        long contact;
        long order;
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            contact = data.contact(payload, payload);
            data.update("update contact set phone = ?, company = ?, notes = ? where id = ?", payload.substring(0, 40),
                    payload, payload, contact);
            long product = data.product(payload, "X-" + System.nanoTime());
            order = data.order(contact, data.userId("admin"), product, "QUOTATION");
            data.update("update sale_order set note = ? where id = ?", payload, order);
            data.update("update sale_order_line set description = ? where order_id = ?", payload, order);
            data.invoice(data.order(contact, data.userId("admin"), product, "CONFIRMED"));
            data.update("update invoice_line set description = ?", payload);
            data.update("insert into record_rule (name, model, expression, on_read, on_write, on_create, on_delete, "
                    + "created_at) values (?, 'contact', ?, false, false, false, true, now())", payload,
                    "name != '%s'".formatted(payload.replace("'", "''")));
        }
        List<String> pages = List.of("app/contacts.xhtml", "app/contact.xhtml?id=" + contact, "app/products.xhtml",
                "app/orders.xhtml", "app/order.xhtml?id=" + order, "app/invoices.xhtml",
                "app/invoice.xhtml?id=" + invoiceOf(order + 1), "app/admin/access.xhtml");
        try (Browser browser = Browser.open(BASE)) {
            signIn(browser, "admin");
            for (String page : pages) {
                browser.go(page);
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                assertThat(js.executeScript("return document.readyState")).isEqualTo("complete");
                assertThat(js.executeScript("return window.__xss === undefined")).as(page).isEqualTo(true);
                assertThat(browser.driver().getPageSource()).as("the payload reached " + page).contains("window.__xss=1");
                Object inline = js.executeScript("var s = document.createElement('script');"
                        + "s.textContent = 'window.__inline = 1'; document.body.appendChild(s);"
                        + "return window.__inline === undefined;");
                assertThat(inline).as("an inline script without the nonce does not run on " + page).isEqualTo(true);
            }
        }
        FacesClient admin = signedIn("admin");
        for (String page : pages) {
            HttpResponse<String> answer = admin.follow(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            String scripts = java.util.Arrays.stream(policy.split(";")).map(String::strip)
                    .filter(d -> d.startsWith("script-src ")).findFirst().orElse("");
            assertThat(scripts).as(page).startsWith("script-src 'self' 'nonce-").doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(policy).as(page).contains("object-src 'none'").contains("base-uri 'none'")
                    .contains("frame-ancestors 'none'");
        }
    }

    private static long invoiceOf(long order) throws SQLException {
        try (ErpData data = new ErpData(database)) {
            return data.single("select id from invoice where order_id = ?", order);
        }
    }

    // ---- the access matrix through the pages -----------------------------------------------------------------

    enum Situation { NO_RIGHT, OUTSIDE, INSIDE }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String model : List.of("contact", "product", "sales_order", "invoice")) {
            for (String operation : List.of("read", "write", "create", "delete")) {
                for (Situation situation : Situation.values()) {
                    cells.add(Arguments.of(model, operation, situation));
                }
            }
        }
        return cells.stream();
    }

    /**
     * Sam's pages for every model x operation x situation. Rights and a global rule on every operation are set in
     * the database; records are made on the right or wrong side of the rule; Sam then uses the pages as a person
     * would, and the database says whether anything changed.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cells")
    void thePagesDoWhatRightsAndRulesAllowAndNothingElse(String model, String operation, Situation situation)
            throws SQLException {
        Cell cell = new Cell(model, situation != Situation.OUTSIDE);
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            data.right("sales_order", null, true, true, true, true);
            Long sales = data.single("select id from user_group where name = 'Sales'");
            data.update("delete from model_access where model = ?", model);
            boolean granted = situation != Situation.NO_RIGHT;
            data.right(model, sales, granted || !operation.equals("read"), granted || !operation.equals("write"),
                    granted || !operation.equals("create"), granted || !operation.equals("delete"));
            cell.make(data);
            if (situation != Situation.NO_RIGHT) {
                data.globalRule(model, cell.rule());
            }
        }
        String before = cell.state();
        long count = cell.count();
        FacesClient sam = signedIn("sam");
        String outcome = switch (operation) {
            case "read" -> cell.read(sam);
            case "write" -> cell.write(sam);
            case "create" -> cell.create(sam);
            default -> cell.delete(sam);
        };
        String expected = switch (situation) {
            case NO_RIGHT -> "refused";
            case OUTSIDE -> operation.equals("create") ? "outside" : "not found";
            case INSIDE -> "done";
        };
        assertThat(outcome).isEqualTo(expected);
        if (!outcome.equals("done")) {
            assertThat(cell.state()).as("nothing changed").isEqualTo(before);
            assertThat(cell.count()).isEqualTo(count);
        } else if (operation.equals("create")) {
            assertThat(cell.count()).isEqualTo(count + 1);
        } else if (!operation.equals("read")) {
            assertThat(cell.state()).isNotEqualTo(before);
        }
    }

    /** One cell's record and the page requests for each operation, answered as "done", "refused", ... */
    private static final class Cell {
        private final String model;
        private final boolean inside;
        private long id;
        private long customer;
        private long product;
        private long sam;
        private long admin;

        Cell(String model, boolean inside) {
            this.model = model;
            this.inside = inside;
        }

        String rule() {
            return switch (model) {
                case "contact" -> "city = 'Inside'";
                case "product" -> "name = 'Inside'";
                default -> "salesperson = user.id";
            };
        }

        void make(ErpData data) throws SQLException {
            sam = data.userId("sam");
            admin = data.userId("admin");
            customer = data.contact("Customer " + System.nanoTime(), "Inside");
            product = data.product("Inside", "P-" + System.nanoTime());
            long seller = inside ? sam : admin;
            id = switch (model) {
                case "contact" -> data.contact("Subject " + System.nanoTime(), inside ? "Inside" : "Outside");
                case "product" -> data.product(inside ? "Inside" : "Outside", "S-" + System.nanoTime());
                case "sales_order" -> data.order(customer, seller, product, "QUOTATION");
                default -> data.invoice(data.order(customer, seller, product, "CONFIRMED"));
            };
        }

        private String page() {
            return switch (model) {
                case "contact" -> "app/contact.xhtml";
                case "product" -> "app/product.xhtml";
                case "sales_order" -> "app/order.xhtml";
                default -> "app/invoice.xhtml";
            };
        }

        private String form() {
            return switch (model) {
                case "sales_order" -> "order";
                default -> model;
            };
        }

        String read(FacesClient client) {
            HttpResponse<String> answer = client.follow(page() + "?id=" + id);
            return switch (answer.statusCode()) {
                case 200 -> "done";
                case 403 -> "refused";
                case 404 -> "not found";
                default -> "HTTP " + answer.statusCode();
            };
        }

        String write(FacesClient client) {
            HttpResponse<String> page = client.follow(page() + "?id=" + id);
            if (page.statusCode() != 200) {
                return page.statusCode() == 404 ? "not found" : "HTTP " + page.statusCode();
            }
            Map<String, String> fields = new HashMap<>();
            String button = switch (model) {
                case "contact" -> {
                    fields.put("name", "Changed " + System.nanoTime());
                    fields.put("city", "Inside");
                    yield "save";
                }
                case "product" -> {
                    fields.put("name", "Inside");
                    fields.put("code", "C-" + System.nanoTime());
                    fields.put("unitPrice", "12.50");
                    fields.put("taxRate", "20");
                    yield "save";
                }
                case "sales_order" -> "send";
                default -> "post";
            };
            return answer(client.submitFrom(page, form(), fields, button));
        }

        String create(FacesClient client) {
            if (model.equals("invoice")) {
                long order;
                try (ErpData data = new ErpData(database)) {
                    order = data.order(customer, inside ? sam : admin, product, "CONFIRMED");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return answer(client.submitFrom(client.follow("app/order.xhtml?id=" + order), "order", Map.of(),
                        "invoice"));
            }
            HttpResponse<String> page = client.follow(page());
            if (page.statusCode() != 200) {
                return "HTTP " + page.statusCode();
            }
            Map<String, String> fields = new HashMap<>();
            switch (model) {
                case "contact" -> {
                    fields.put("name", "Made by Sam");
                    fields.put("city", inside ? "Inside" : "Outside");
                }
                case "product" -> {
                    fields.put("name", inside ? "Inside" : "Outside");
                    fields.put("code", "N-" + System.nanoTime());
                    fields.put("unitPrice", "3.00");
                    fields.put("taxRate", "10");
                    fields.put("active_input", "on");
                }
                default -> {
                    fields.put("customer_input", Long.toString(customer));
                    fields.put("salesperson_input", inside ? "" : Long.toString(admin));
                    fields.put("orderDate_input", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
                    fields.put("lines:0:product_input", Long.toString(product));
                    fields.put("lines:0:quantity", "1");
                }
            }
            return answer(client.submitFrom(page, form(), fields, "save"));
        }

        String delete(FacesClient client) {
            HttpResponse<String> page = client.follow(page() + "?id=" + id);
            if (page.statusCode() != 200) {
                return page.statusCode() == 404 ? "not found" : "HTTP " + page.statusCode();
            }
            return answer(client.submitFrom(page, form(), Map.of(), "delete"));
        }

        /** A redirect is a change made; otherwise the page says why not. */
        private static String answer(HttpResponse<String> answer) {
            if (FacesClient.isRedirect(answer)) {
                return "done";
            }
            String body = answer.body();
            if (body.contains("You have no right to")) {
                return "refused";
            }
            if (body.contains("The record rules do not allow this")) {
                return "outside";
            }
            if (body.contains("There is no such")) {
                return "not found";
            }
            return "HTTP " + answer.statusCode() + ": " + body.replaceAll("(?s)<script.*?</script>|<[^>]+>", " ")
                    .replaceAll("\\s+", " ");
        }

        String state() throws SQLException {
            try (ErpData data = new ErpData(database)) {
                String table = switch (model) {
                    case "sales_order" -> "sale_order";
                    default -> model;
                };
                return switch (table) {
                    case "contact" -> data.text("select name || '/' || coalesce(city, '') from contact where id = ?", id);
                    case "product" -> data.text("select name || '/' || code || '/' || unit_price from product "
                            + "where id = ?", id);
                    case "sale_order" -> data.text("select state || '/' || version from sale_order where id = ?", id);
                    default -> data.text("select state || '/' || version from invoice where id = ?", id);
                };
            }
        }

        long count() throws SQLException {
            try (ErpData data = new ErpData(database)) {
                return switch (model) {
                    case "contact" -> data.single("select count(*) from contact");
                    case "product" -> data.single("select count(*) from product");
                    case "sales_order" -> data.single("select count(*) from sale_order");
                    default -> data.single("select count(*) from invoice");
                };
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static FacesClient signedIn(String login) {
        FacesClient client = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = Tenants.signIn(client, slug, login, Tenants.PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return client;
    }

    private static void signIn(Browser browser, String login) {
        browser.go("login.xhtml").fill("signin:tenant", slug).fill("signin:login", login)
                .fill("signin:password", Tenants.PASSWORD).submit("signin:submit");
    }

    /** Picks the option labelled {@code label} in the native select behind a PrimeFaces selectOneMenu. */
    private static void choose(Browser browser, String selectId, String label) {
        Object chosen = ((JavascriptExecutor) browser.driver()).executeScript(
                "var s = document.getElementById(arguments[0]);"
                        + "for (var i = 0; i < s.options.length; i++) {"
                        + "  if (s.options[i].text === arguments[1]) { s.selectedIndex = i; return true; } }"
                        + "return false;", selectId, label);
        assertThat(chosen).as(label + " offered in " + selectId).isEqualTo(true);
    }

    /** The row of the rights matrix for {@code model} (as labelled) and {@code group}. */
    private static int rightsRow(Browser browser, String model, String group) {
        List<org.openqa.selenium.WebElement> rows = browser.all(By.cssSelector("[id='rights:matrix_data'] > tr"));
        for (int i = 0; i < rows.size(); i++) {
            List<org.openqa.selenium.WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            if (cells.get(0).getText().endsWith(model) && cells.get(1).getText().endsWith(group)) {
                return i;
            }
        }
        throw new AssertionError("no rights row for " + model + " / " + group);
    }

    /** The row of the defaults table for the field whose name the page shows as {@code field}. */
    private static int defaultsRow(Browser browser, String field) {
        List<org.openqa.selenium.WebElement> rows = browser.all(By.cssSelector("[id='defaults:list_data'] > tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).findElement(By.cssSelector("code.field-name")).getText().strip().equals(field)) {
                return i;
            }
        }
        throw new AssertionError("no defaults row for " + field);
    }

    private static void clickBox(Browser browser, String id) {
        browser.driver().findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box")).click();
    }
}
