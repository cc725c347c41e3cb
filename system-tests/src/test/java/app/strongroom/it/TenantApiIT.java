package app.strongroom.it;

import static app.strongroom.it.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant JSON API (P18) through a plain HTTP client against the running server: keys made on the API keys page
 * (shown once, last use listed, revoked by their user or the administrator), every published operation as the key's
 * user under their rights and record rules, nothing else reachable whatever name is sent, bad input and bad keys
 * refused with problems and nothing changed, and the per-key rate limit.
 */
@OnStrongroom
@RunAsClient
class TenantApiIT {
    private static final URI BASE = URI.create("https://localhost:" + System.getProperty("strongroom.test.httpsPort")
            + "/");
    private static final String PROBLEM = "urn:strongroom:problem:";
    private static String slug;
    private static String database;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    /** One tenant for the class: its administrator, Sam of the Sales group, and Dora, who will be deactivated. */
    @BeforeAll
    static void tenant() throws SQLException {
        slug = Tenants.create(FacesClient.forTestServer(BASE), "api");
        TenantId id = Tenants.idOf(slug).orElseThrow();
        database = Tenants.databaseOf(id);
        Tenants.addUser(id, "sam", false);
        Tenants.addUser(id, "dora", false);
        try (ErpData data = new ErpData(database)) {
            data.group("Sales", "sam");
        }
    }

    @Test
    void aKeyMadeOnThePageIsShownOnceOnlyItsDigestIsKeptAndTheListShowsItsLastUse() throws Exception {
        FacesClient sam = signedIn("sam");
        HttpResponse<String> made = sam.submit("app/keys.xhtml", "keys", Map.of("name", "shop sync",
                "scope_input", "READ", "days", "30"), "create");
        String key = ApiClient.keyIn(made);
        assertThat(made.body()).contains("Your new key \"shop sync\"").contains("will not be shown again");
        HttpResponse<String> page = sam.get("app/keys.xhtml");
        assertThat(page.body()).as("shown once, in the answer that made it").doesNotContain(key)
                .contains("shop sync").contains("never");
        assertThat(page.body()).as("linked from the navigation").contains("id=\"navKeys\"");
        try (ErpData data = new ErpData(database)) {
            assertThat(data.text("select scope from api_key where key_sha256 = ?", sha256(key))).isEqualTo("READ");
            assertThat(Tenants.column(database, "select concat_ws(' ', name, key_sha256, last_used_from) from api_key"))
                    .noneSatisfy(row -> assertThat(row).contains(key.substring(key.length() - 43)));
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_CREATED' and login = "
                    + "'sam' and detail like '%shop sync%'")).isEqualTo(1);
        }

        HttpResponse<String> list = ApiClient.of(BASE).from("192.0.2.41").bearer(key).get("api/v1/contacts");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(sam.get("app/keys.xhtml").body()).as("the list shows when and whence it was last used")
                .containsPattern("class=\"last-used\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d<").contains("(192.0.2.41)");

        long samsKeys = Tenants.column(database, "select count(*) from api_key k join user_account u on u.id = "
                + "k.user_id where u.login = 'sam'").stream().mapToLong(Long::parseLong).sum();
        for (String days : List.of("0", "366", "abc")) {
            HttpResponse<String> refused = sam.submit("app/keys.xhtml", "keys", Map.of("name", "bad " + days,
                    "scope_input", "READ", "days", days), "create");
            assertThat(refused.body()).as(days).contains("must be a whole number of days from 1 to 365")
                    .doesNotContainPattern(ApiClient.NEW_KEY.pattern());
        }
        HttpResponse<String> unnamed = sam.submit("app/keys.xhtml", "keys", Map.of("name", " ", "scope_input",
                "READ_WRITE", "days", "5"), "create");
        assertThat(unnamed.body()).doesNotContainPattern(ApiClient.NEW_KEY.pattern());
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from api_key k join user_account u on u.id = k.user_id "
                    + "where u.login = 'sam'")).as("no key made of bad input").isEqualTo(samsKeys);
        }
    }

    @Test
    void everyPublishedOperationWorksAsTheKeysUser() throws Exception {
        ApiClient admin = ApiClient.of(BASE).from("192.0.2.42").bearer(ApiClient.newKey(signedIn("admin"), "everything",
                "READ_WRITE"));

        HttpResponse<String> contact = admin.json("POST", "api/v1/contacts",
                "{\"name\": \"Acme Trading\", \"email\": \"buyer@acme.example\", \"city\": \"Lyon\"}");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        long contactId = json(contact).getJsonNumber("id").longValue();
        assertThat(contact.headers().firstValue("Location")).hasValue(BASE + "api/v1/contacts/" + contactId);
        JsonObject read = json(admin.get("api/v1/contacts/" + contactId));
        assertThat(read.getString("name")).isEqualTo("Acme Trading");
        assertThat(read.getString("email")).isEqualTo("buyer@acme.example");
        long version = read.getJsonNumber("version").longValue();
        HttpResponse<String> changed = admin.json("PUT", "api/v1/contacts/" + contactId,
                "{\"name\": \"Acme Trading SA\", \"city\": \"Lyon\", \"version\": " + version + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).getString("name")).isEqualTo("Acme Trading SA");
        assertProblem(admin.json("PUT", "api/v1/contacts/" + contactId, "{\"name\": \"Stale\", \"version\": "
                + version + "}"), 409, PROBLEM + "conflict");
        assertProblem(admin.json("PUT", "api/v1/contacts/" + contactId, "{\"name\": \"No version\"}"), 400,
                PROBLEM + "bad-request");
        JsonObject lyon = json(admin.get("api/v1/contacts?city=lyo&size=5&sort=name&order=desc"));
        assertThat(lyon.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(lyon.getInt("size")).isEqualTo(5);
        assertThat(lyon.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("Acme Trading SA");
        assertThat(json(admin.get("api/v1/contacts?city=paris")).getJsonArray("items")).isEmpty();

        String code = "W-" + System.nanoTime() % 100000;
        HttpResponse<String> product = admin.json("POST", "api/v1/products", "{\"name\": \"Widget\", \"code\": \""
                + code + "\", \"unitPrice\": 19.99, \"taxRate\": 20}");
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        long productId = json(product).getJsonNumber("id").longValue();
        JsonObject widget = json(admin.get("api/v1/products/" + productId));
        assertThat(widget.getJsonNumber("unitPrice").bigDecimalValue()).isEqualByComparingTo("19.99");
        assertThat(widget.getBoolean("active")).isTrue();
        HttpResponse<String> repriced = admin.json("PUT", "api/v1/products/" + productId, "{\"name\": \"Widget\", "
                + "\"code\": \"" + code + "\", \"unitPrice\": 20.00, \"taxRate\": 20, \"active\": true, \"version\": "
                + widget.getJsonNumber("version").longValue() + "}");
        assertThat(repriced.statusCode()).as(repriced.body()).isEqualTo(200);
        assertThat(json(admin.get("api/v1/products?code=" + code)).getJsonArray("items")).hasSize(1);

        String order = "{\"customerId\": " + contactId + ", \"note\": \"by API\", \"lines\": [{\"productId\": "
                + productId + ", \"quantity\": 3}]}";
        HttpResponse<String> quoted = admin.json("POST", "api/v1/orders", order);
        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(201);
        JsonObject quotation = json(quoted);
        long orderId = quotation.getJsonNumber("id").longValue();
        assertThat(quotation.getString("state")).isEqualTo("QUOTATION");
        assertThat(quotation.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("72.00");
        HttpResponse<String> partial = admin.json("PUT", "api/v1/orders/" + orderId, order.replace("by API",
                "changed by API").replace("}]}", "}], \"version\": " + quotation.getJsonNumber("version") + "}"));
        assertThat(partial.statusCode()).as("a change replaces: no salesperson or date left out to chance")
                .isEqualTo(422);
        assertThat(json(admin.get("api/v1/orders/" + orderId)).getString("note")).isEqualTo("by API");
        HttpResponse<String> noted = admin.json("PUT", "api/v1/orders/" + orderId, order.replace("by API",
                "changed by API").replace("}]}", "}], \"orderDate\": \"" + quotation.getString("orderDate")
                + "\", \"salespersonId\": " + quotation.getJsonNumber("salespersonId") + ", \"version\": "
                + quotation.getJsonNumber("version") + "}"));
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(200);
        assertThat(json(noted).getString("note")).isEqualTo("changed by API");
        assertThat(json(noted).getJsonNumber("salespersonId")).isEqualTo(quotation.getJsonNumber("salespersonId"));
        assertThat(state(admin.json("POST", "api/v1/orders/" + orderId + "/send", null))).isEqualTo("SENT");
        assertThat(state(admin.json("POST", "api/v1/orders/" + orderId + "/confirm", null))).isEqualTo("CONFIRMED");
        HttpResponse<String> invoiced = admin.json("POST", "api/v1/orders/" + orderId + "/invoice", null);
        assertThat(invoiced.statusCode()).as(invoiced.body()).isEqualTo(201);
        long invoiceId = json(invoiced).getJsonNumber("id").longValue();
        assertThat(invoiced.headers().firstValue("Location")).hasValue(BASE + "api/v1/invoices/" + invoiceId);
        assertThat(json(invoiced).getString("state")).isEqualTo("DRAFT");
        assertThat(state(admin.get("api/v1/orders/" + orderId))).isEqualTo("INVOICED");
        assertThat(json(admin.get("api/v1/orders?state=invoiced&customer=acme")).getJsonArray("items"))
                .extracting(o -> o.asJsonObject().getJsonNumber("id").longValue()).containsExactly(orderId);
        assertProblem(admin.json("POST", "api/v1/orders/" + orderId + "/send", null), 409, PROBLEM + "conflict");

        assertThat(state(admin.json("POST", "api/v1/invoices/" + invoiceId + "/post", null))).isEqualTo("POSTED");
        assertThat(state(admin.json("POST", "api/v1/invoices/" + invoiceId + "/pay", null))).isEqualTo("PAID");
        assertProblem(admin.json("POST", "api/v1/invoices/" + invoiceId + "/cancel", null), 409, PROBLEM + "conflict");
        assertProblem(admin.json("POST", "api/v1/invoices/" + invoiceId + "/post", null), 409, PROBLEM + "conflict");
        assertThat(state(admin.get("api/v1/invoices/" + invoiceId))).as("nothing changed").isEqualTo("PAID");
        assertThat(json(admin.get("api/v1/invoices?state=paid")).getJsonArray("items"))
                .extracting(i -> i.asJsonObject().getJsonNumber("id").longValue()).contains(invoiceId);

        long second = json(admin.json("POST", "api/v1/orders", order)).getJsonNumber("id").longValue();
        admin.json("POST", "api/v1/orders/" + second + "/confirm", null);
        long draft = json(admin.json("POST", "api/v1/orders/" + second + "/invoice", null)).getJsonNumber("id")
                .longValue();
        assertThat(state(admin.json("POST", "api/v1/invoices/" + draft + "/cancel", null))).isEqualTo("CANCELLED");
        assertThat(state(admin.get("api/v1/orders/" + second))).as("reopened for invoicing").isEqualTo("CONFIRMED");
        assertThat(state(admin.json("POST", "api/v1/orders/" + second + "/cancel", null))).isEqualTo("CANCELLED");
        assertProblem(admin.json("POST", "api/v1/orders/" + second + "/confirm", null), 409, PROBLEM + "conflict");
        long empty = json(admin.json("POST", "api/v1/orders", "{\"customerId\": " + contactId + "}"))
                .getJsonNumber("id").longValue();
        HttpResponse<String> unconfirmable = admin.json("POST", "api/v1/orders/" + empty + "/confirm", null);
        assertProblem(unconfirmable, 409, PROBLEM + "conflict");
        assertThat(unconfirmable.body()).contains("without lines");
    }

    /** What a create leaves out takes the administrator's computed default, as a form would have opened with it. */
    @Test
    void aCreateThatLeavesFieldsOutTakesTheTenantsComputedDefaults() throws Exception {
        FacesClient boss = signedIn("admin");
        HttpResponse<String> saved = boss.submit("app/admin/defaults.xhtml", "defaults", Map.of(
                "list:0:expression", "'Grenoble'", "list:3:expression", "5.5",
                "list:8:expression", "if user.id = user.id then 'x' else 'y'"), "save");
        assertThat(saved.body()).as("city, tax rate and note rows").contains("Defaults saved.");
        ApiClient admin = ApiClient.of(BASE).from("192.0.2.47")
                .bearer(ApiClient.newKey(boss, "defaults", "READ_WRITE"));
        try {
            JsonObject defaulted = json(admin.json("POST", "api/v1/contacts", "{\"name\": \"Defaulted\"}"));
            assertThat(defaulted.getString("city")).isEqualTo("Grenoble");
            assertThat(json(admin.json("POST", "api/v1/contacts", "{\"name\": \"Typed\", \"city\": \"Nice\"}"))
                    .getString("city")).isEqualTo("Nice");
            HttpResponse<String> product = admin.json("POST", "api/v1/products",
                    "{\"name\": \"Defaulted\", \"code\": \"DF-1\", \"unitPrice\": 3}");
            assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
            assertThat(json(product).getJsonNumber("taxRate").bigDecimalValue()).isEqualByComparingTo("5.5");
            HttpResponse<String> order = admin.json("POST", "api/v1/orders", "{\"customerId\": %d, \"lines\": "
                    .formatted(defaulted.getJsonNumber("id").longValue()) + "[{\"productId\": %d, \"quantity\": 1}]}"
                    .formatted(json(product).getJsonNumber("id").longValue()));
            assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
            assertThat(json(order).getString("note")).isEqualTo("x");
        } finally {
            try (ErpData data = new ErpData(database)) {
                data.update("delete from field_default");
            }
        }
    }

    @Test
    void theKeysUserSeesAndChangesTheSameRecordsAsOnThePagesUnderARecordRule() throws Exception {
        long samsOrder;
        long adminsOrder;
        long product;
        try (ErpData data = new ErpData(database)) {
            data.resetAccess();
            long sales = data.single("select id from user_group where name = 'Sales'");
            data.right("sales_order", sales, true, true, false, false);
            long customer = data.contact("Rule Customer", null);
            product = data.product("Ruled", "RU-" + System.nanoTime() % 100000);
            samsOrder = data.order(customer, data.userId("sam"), product, "QUOTATION");
            adminsOrder = data.order(customer, data.userId("admin"), product, "QUOTATION");
            data.globalRule("sales_order", "salesperson = user.id");
        }
        try {
            FacesClient samOnPages = signedIn("sam");
            ApiClient sam = ApiClient.of(BASE).from("192.0.2.43")
                    .bearer(ApiClient.newKey(samOnPages, "rules", "READ_WRITE"));
            JsonObject orders = json(sam.get("api/v1/orders?size=100"));
            List<Long> throughApi = orders.getJsonArray("items").stream()
                    .map(o -> o.asJsonObject().getJsonNumber("id").longValue()).toList();
            assertThat(throughApi).containsExactly(samsOrder);
            assertThat(orders.getJsonNumber("total").longValue()).isEqualTo(1);
            String page = samOnPages.follow("app/orders.xhtml").body();
            List<String> numbers = orders.getJsonArray("items").stream().map(o -> o.asJsonObject().getString("number"))
                    .toList();
            assertThat(numbers).allSatisfy(number -> assertThat(page).contains(number));
            assertThat(page).as("the pages show the same: not the administrator's")
                    .doesNotContain(String.format("SO%05d", adminsOrder));

            assertProblem(sam.get("api/v1/orders/" + adminsOrder), 404, PROBLEM + "not-found");
            assertThat(samOnPages.follow("app/order.xhtml?id=" + adminsOrder).statusCode()).isEqualTo(404);
            assertProblem(sam.json("POST", "api/v1/orders/" + adminsOrder + "/send", null), 404, PROBLEM + "not-found");
            assertProblem(sam.json("POST", "api/v1/orders/" + adminsOrder + "/cancel", null), 404,
                    PROBLEM + "not-found");
            assertThat(state(sam.json("POST", "api/v1/orders/" + samsOrder + "/send", null))).isEqualTo("SENT");
            assertProblem(sam.json("POST", "api/v1/orders", "{\"customerId\": 1, \"lines\": []}"), 403,
                    PROBLEM + "forbidden");
            assertProblem(sam.json("POST", "api/v1/products", "{\"name\": \"Not mine\", \"code\": \"NM-1\", "
                    + "\"unitPrice\": 1, \"taxRate\": 0}"), 403, PROBLEM + "forbidden");
            assertProblem(sam.get("api/v1/invoices"), 403, PROBLEM + "forbidden");
            assertThat(json(sam.get("api/v1/products/" + product)).getString("name")).isEqualTo("Ruled");
            try (ErpData data = new ErpData(database)) {
                assertThat(data.text("select state from sale_order where id = ?", adminsOrder)).isEqualTo("QUOTATION");
                assertThat(data.single("select count(*) from product where code = 'NM-1'")).isZero();
            }
        } finally {
            try (ErpData data = new ErpData(database)) {
                data.update("delete from record_rule");
            }
        }
    }

    @Test
    void onlyPublishedOperationsAreReachableWhateverNameIsSent() throws Exception {
        ApiClient admin = ApiClient.of(BASE).from("192.0.2.44").bearer(ApiClient.newKey(signedIn("admin"), "names",
                "READ_WRITE"));
        long contact;
        try (ErpData data = new ErpData(database)) {
            contact = data.contact("Named", null);
        }
        String c = "api/v1/contacts/" + contact;
        for (String path : List.of("api/v1/contacts/getClass", "api/v1/contacts/_private", c + "/getClass",
                c + "/_private", c + "/delete", c + "/apply", "api/v1/contacts/hashCode", "api/v1/contacts/class",
                "api/v1/orders/1/changeHeader", "api/v1/orders/1/markInvoiced", "api/v1/orders/1/reopenForInvoicing",
                "api/v1/orders/choices", "api/v1/invoices/1/markPaid", "api/v1/invoices/1/requireOrderWritable",
                "api/v1/users", "api/v1/groups", "api/v1/rules", "api/v1/keys", "api/v1/files/1", "api/v1",
                "api/v1/", "api/v2/contacts", "api/v1/contacts/-1", "api/v1/contacts/abc", "api/v1/contacts/1e3",
                "api/v1/contacts/99999999999999999999", "api/v1/contacts/%2e%2e/orders",
                "api/v1/contacts/..;/orders", "api/v1/ContactsResource",
                "api/v1/contacts/" + contact + "%00", "api/application.wadl", "api/v1/application.wadl")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> answer = admin.json(method, path, method.equals("POST") ? "{}" : null);
                assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isIn(400, 404, 405);
                if (answer.statusCode() != 400) {
                    assertProblem(answer, answer.statusCode(), answer.statusCode() == 404 ? PROBLEM + "not-found"
                            : "about:blank");
                }
            }
        }
        JsonObject described = json(admin.get("api/v1/openapi"));
        assertThat(described.getJsonObject("paths").keySet()).as("the document names the published operations only")
                .allSatisfy(path -> assertThat(path).startsWith("/api/v1/"))
                .contains("/api/v1/contacts/{id}", "/api/v1/orders/{id}/confirm", "/api/v1/invoices/{id}/pay");
        assertThat(described.toString()).doesNotContain("/api/staff").doesNotContain("staffToken")
                .doesNotContain("\"Execution\"").contains("\"OrderLineInput\"").contains("\"Problem\"");
        Matcher shared = Pattern.compile("#/components/responses/([A-Za-z]+)").matcher(described.toString());
        JsonObject answers = described.getJsonObject("components").getJsonObject("responses");
        while (shared.find()) {
            assertThat(answers).as("every shared answer the operations name is in the document")
                    .containsKey(shared.group(1));
        }
        assertThat(answers).containsKeys("KeyRefused", "StateMove");
        assertProblem(ApiClient.of(BASE).from("192.0.2.44").get("api/v1/openapi"), 401, PROBLEM + "key-required");
        for (String path : List.of("api/v1/contacts/getClass", c + "/_private", "api/v1/contacts/abc")) {
            assertProblem(admin.get(path), 404, PROBLEM + "not-found");
        }
        HttpResponse<String> delete = admin.send("DELETE", c, null, Map.of());
        assertProblem(delete, 405, "about:blank");
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET", "PUT")
                .doesNotContain("DELETE"));
        assertProblem(admin.send("PATCH", c, "{}", Map.of("Content-Type", "application/json")), 405, "about:blank");
        assertProblem(admin.json("POST", c, "{}"), 405, "about:blank");
        assertProblem(admin.json("GET", "api/v1/orders/1/send", null), 405, "about:blank");
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from contact where id = ?", contact)).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        ApiClient admin = ApiClient.of(BASE).from("192.0.2.45").bearer(ApiClient.newKey(signedIn("admin"), "bad input",
                "READ_WRITE"));
        long contact;
        try (ErpData data = new ErpData(database)) {
            contact = data.contact("Unchanged", "Nantes");
        }
        String before = Tenants.column(database, "select string_agg(concat_ws('|', id, name, city, email, version), "
                + "',' order by id) from contact").get(0);
        String products = Tenants.column(database, "select count(*) from product").get(0);
        String orders = Tenants.column(database, "select count(*) from sale_order").get(0);
        String c = "api/v1/contacts/" + contact;
        Map<String, String> malformed = Map.of(
                "{\"name\": ", "malformed JSON",
                "[1, 2]", "an array for an object",
                "{\"name\": \"X\", \"version\": \"abc\"}", "text for a number",
                "{\"name\": \"X\", \"version\": 1, \"admin\": true}", "an unknown field",
                "{\"name\": \"X\", \"version\": 1, \"id\": 999}", "an unknown field the answer has",
                "{\"name\": {\"first\": \"X\"}, \"version\": 1}", "an object for a text",
                "", "no body");
        for (Map.Entry<String, String> body : malformed.entrySet()) {
            assertProblem(admin.json("PUT", c, body.getKey()), 400, PROBLEM + "bad-request");
            assertProblem(admin.json("POST", "api/v1/contacts", body.getKey()), 400, PROBLEM + "bad-request");
        }
        assertProblem(admin.json("POST", "api/v1/products", "{\"name\": \"P\", \"code\": \"P-1\", \"unitPrice\": "
                + "\"cheap\", \"taxRate\": 20}"), 400, PROBLEM + "bad-request");
        assertProblem(admin.json("POST", "api/v1/orders", "{\"customerId\": \"one\"}"), 400, PROBLEM + "bad-request");
        assertProblem(admin.json("POST", "api/v1/orders", "{\"customerId\": 1, \"lines\": [{\"productId\": 1, "
                + "\"quantity\": 1, \"colour\": \"red\"}]}"), 400, PROBLEM + "bad-request");
        assertProblem(admin.json("POST", "api/v1/orders", "{\"customerId\": 1, \"orderDate\": \"yesterday\"}"), 400,
                PROBLEM + "bad-request");

        assertProblem(admin.json("POST", "api/v1/contacts", "{\"name\": \"  \"}"), 422, PROBLEM + "unprocessable");
        assertProblem(admin.json("POST", "api/v1/contacts", "{\"name\": \"X\", \"email\": \"not an address\"}"), 422,
                PROBLEM + "unprocessable");
        assertProblem(admin.json("PUT", c, "{\"name\": \"" + "x".repeat(201) + "\", \"version\": 0}"), 422,
                PROBLEM + "unprocessable");
        assertProblem(admin.json("POST", "api/v1/products", "{\"name\": \"P\", \"code\": \"P 1 !\", \"unitPrice\": "
                + "-1, \"taxRate\": 20}"), 422, PROBLEM + "unprocessable");
        assertProblem(admin.json("POST", "api/v1/orders", "{\"customerId\": 999999999}"), 422,
                PROBLEM + "unprocessable");
        assertProblem(admin.json("POST", "api/v1/orders", "{\"customerId\": " + contact + ", \"lines\": [{"
                + "\"productId\": 999999999, \"quantity\": 1}]}"), 422, PROBLEM + "unprocessable");
        assertProblem(admin.json("POST", "api/v1/orders", "{}"), 422, PROBLEM + "unprocessable");

        byte[] huge = ("{\"name\": \"Huge\", \"notes\": \"" + "n".repeat(3 * 1024 * 1024 + 1) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(admin.chunked("POST", "api/v1/contacts", huge), 413, PROBLEM + "body-too-large");
        String declared = admin.raw("POST /api/v1/contacts HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000000000");
        assertThat(declared).as("refused before the body is read").startsWith("HTTP/1.1 413")
                .contains("application/problem+json").contains(PROBLEM + "body-too-large");
        assertProblem(admin.send("POST", "api/v1/contacts", "name=X", Map.of("Content-Type", "text/plain")), 415,
                "about:blank");
        for (String query : List.of("size=0", "size=101", "first=-1", "size=ten", "sort=secret", "order=up",
                "nmae=x", "name=a&name=b")) {
            assertProblem(admin.get("api/v1/contacts?" + query), 400, PROBLEM + "bad-request");
        }

        assertThat(Tenants.column(database, "select string_agg(concat_ws('|', id, name, city, email, version), "
                + "',' order by id) from contact").get(0)).as("no contact made or changed").isEqualTo(before);
        assertThat(Tenants.column(database, "select count(*) from product").get(0)).isEqualTo(products);
        assertThat(Tenants.column(database, "select count(*) from sale_order").get(0)).isEqualTo(orders);
    }

    @Test
    void noKeyABadOneAnExpiredRevokedOrDeactivatedUsersKeyAndAReadKeyWritingAreRefusedAndAudited()
            throws Exception {
        ApiClient anonymous = ApiClient.of(BASE).from("192.0.2.46");
        assertProblem(anonymous.get("api/v1/contacts"), 401, PROBLEM + "key-required");
        assertProblem(anonymous.get("api/v1/contacts/getClass"), 401, PROBLEM + "key-required");
        assertProblem(anonymous.get("api/anything"), 401, PROBLEM + "token-required");
        assertThat(anonymous.get("api/v1/contacts").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(anonymous.with("Authorization", "Basic YWRtaW46eA==").get("api/v1/contacts"), 401,
                PROBLEM + "token-refused");
        String otherTenant = "srk_" + TenantId.random().hex() + "_" + "A".repeat(43);
        for (String garbage : List.of("garbage", "srk_", "srs_" + "A".repeat(43), otherTenant)) {
            assertProblem(anonymous.bearer(garbage).get("api/v1/contacts"), 401, PROBLEM + "token-refused");
        }

        FacesClient samOnPages = signedIn("sam");
        assertProblem(samOnPages.exchange("GET", "api/v1/contacts", Map.of(), HttpResponse.BodyHandlers.ofString()),
                401, PROBLEM + "key-required");
        String readKey = ApiClient.newKey(samOnPages, "reader", "READ");
        String samsKey = ApiClient.newKey(samOnPages, "own revoke", "READ_WRITE");
        String adminRevokes = ApiClient.newKey(samOnPages, "admin revokes", "READ_WRITE");
        String expiring = ApiClient.newKey(samOnPages, "expiring", "READ_WRITE");
        String dorasKey = ApiClient.newKey(signedIn("dora"), "doras key", "READ_WRITE");
        String movedKey = samsKey.replace(samsKey.substring(4, 36), TenantId.random().hex());
        assertProblem(anonymous.bearer(movedKey).get("api/v1/contacts"), 401, PROBLEM + "token-refused");
        assertProblem(anonymous.bearer(samsKey).get("api/staff/jobs"), 401, PROBLEM + "token-refused");

        ApiClient reader = ApiClient.of(BASE).from("192.0.2.47").bearer(readKey);
        assertThat(reader.get("api/v1/contacts").statusCode()).isEqualTo(200);
        long contacts = contacts();
        for (String[] write : new String[][] {{"POST", "api/v1/contacts"}, {"PUT", "api/v1/contacts/1"},
                {"POST", "api/v1/orders/1/send"}, {"DELETE", "api/v1/contacts/1"}}) {
            HttpResponse<String> refused = reader.json(write[0], write[1], "{\"name\": \"Read only\"}");
            assertProblem(refused, 403, PROBLEM + "forbidden");
            assertThat(refused.body()).contains("may only read");
        }
        assertThat(contacts()).as("nothing written").isEqualTo(contacts);

        for (String key : List.of(samsKey, adminRevokes, expiring, dorasKey)) {
            assertThat(anonymous.bearer(key).get("api/v1/products").statusCode()).as("works before").isEqualTo(200);
        }
        HttpResponse<String> samsPage = samOnPages.follow("app/keys.xhtml");
        int ownRow = rowOf(samsPage.body(), "list", "own revoke");
        // A key made after the page was shown moves the rows: the button still names the key it was shown beside.
        String later = ApiClient.newKey(samOnPages, "made meanwhile", "READ");
        HttpResponse<String> ownRevoke = samOnPages.submitWithParameters(samsPage, "list",
                "table:" + ownRow + ":revoke", Map.of("key", Long.toString(keyId("own revoke"))));
        assertThat(ownRevoke.body()).contains("The key \"own revoke\" is revoked.");
        assertThat(anonymous.bearer(later).get("api/v1/products").statusCode()).as("the other key still works")
                .isEqualTo(200);
        HttpResponse<String> notHers = samOnPages.submitWithParameters(samOnPages.follow("app/keys.xhtml"), "list",
                "table:0:revoke", Map.of("key", Long.toString(keyId("doras key"))));
        assertThat(notHers.body()).as("a key id of somebody else's key").doesNotContain("is revoked");
        FacesClient adminOnPages = signedIn("admin");
        String adminsPage = adminOnPages.get("app/keys.xhtml").body();
        assertThat(adminsPage).as("the administrator sees every key of the tenant").contains("doras key")
                .contains("admin revokes");
        HttpResponse<String> revokedByAdmin = adminOnPages.submitWithParameters(adminOnPages.follow("app/keys.xhtml"),
                "tenantKeys", "table:" + rowOf(adminsPage, "tenantKeys", "admin revokes") + ":revoke",
                Map.of("key", Long.toString(keyId("admin revokes"))));
        assertThat(revokedByAdmin.body()).contains("The key \"admin revokes\" is revoked.");
        assertThat(samOnPages.get("app/keys.xhtml").body()).doesNotContain("tenantKeys")
                .as("a user sees their own keys only").doesNotContain("doras key");
        try (ErpData data = new ErpData(database)) {
            data.update("update api_key set created_at = now() - interval '3 days', expires_at = now() - interval "
                    + "'1 second' where name = 'expiring'");
            assertThat(data.text("select revoked_by from api_key where name = 'admin revokes'")).isEqualTo("admin");
        }
        assertThat(adminOnPages.submit("app/admin/user.xhtml?login=dora", "user", Map.of(), "deactivate").body())
                .contains("is deactivated");

        Map<String, String> refusals = Map.of(samsKey, "revoked", adminRevokes, "revoked", expiring, "expired",
                dorasKey, "revoked");
        for (Map.Entry<String, String> key : refusals.entrySet()) {
            HttpResponse<String> refused = anonymous.bearer(key.getKey()).get("api/v1/products");
            assertProblem(refused, 401, PROBLEM + "token-refused");
            assertThat(refused.body()).contains(key.getValue());
        }
        assertThat(adminOnPages.submit("app/admin/user.xhtml?login=dora", "user", Map.of(), "reactivate").body())
                .contains("can sign in again");
        assertThat(anonymous.bearer(dorasKey).get("api/v1/products").body())
                .as("a reactivation brings no key back").contains("revoked");
        // A key an older build left unrevoked when it deactivated its user: the account is asked on every request.
        String leftOver = ApiClient.newKey(signedIn("dora"), "left over", "READ");
        try (ErpData data = new ErpData(database)) {
            data.update("update user_account set active = false, deactivated_at = now() where login = 'dora'");
        }
        HttpResponse<String> leftOverRefused = anonymous.bearer(leftOver).get("api/v1/products");
        assertProblem(leftOverRefused, 401, PROBLEM + "token-refused");
        assertThat(leftOverRefused.body()).contains("may no longer sign in");
        try (ErpData data = new ErpData(database)) {
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REVOKED'"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REVOKED' and actor = "
                    + "'admin' and login = 'sam'")).isEqualTo(1);
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REFUSED' and login = "
                    + "'dora' and detail like '%may no longer sign in%'")).isEqualTo(1);
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REVOKED' and login = "
                    + "'dora' and actor = 'admin' and detail like '%doras key%the user was deactivated%'"))
                    .isEqualTo(1);
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REFUSED' and login = "
                    + "'sam' and detail like '%outside its scope%'")).isEqualTo(4);
            assertThat(data.single("select count(*) from security_event where kind = 'API_KEY_REFUSED' and login = "
                    + "'sam' and detail like '%expired%'")).isEqualTo(1);
        }
        try (var catalog = Tenants.superuser(TestPlatform.CATALOG);
             var query = catalog.prepareStatement("select count(*) from platform_event where kind = 'API_KEY_REFUSED' "
                     + "and client_address = '192.0.2.46'");
             var rows = query.executeQuery()) {
            rows.next();
            assertThat(rows.getLong(1)).as("keys nobody knows, in the platform's trail").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void requestsPerKeyAreLimitedAndAnsweredWithRetryAfter() throws Exception {
        FacesClient adminOnPages = signedIn("admin");
        ApiClient busy = ApiClient.of(BASE).from("192.0.2.48").bearer(ApiClient.newKey(adminOnPages, "busy", "READ"));
        int limit = TestPlatform.API_REQUESTS_PER_MINUTE;
        HttpResponse<String> limited = null;
        // Two windows can hold 2 x limit requests at most: one more is refused whenever the minute turns.
        for (int i = 0; i <= 2 * limit && limited == null; i++) {
            HttpResponse<String> answer = busy.get("api/v1/products?size=1");
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
        }
        assertThat(limited).as("refused within two windows").isNotNull();
        assertProblem(limited, 429, PROBLEM + "too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v))
                .isBetween(1, 60));
        ApiClient other = ApiClient.of(BASE).from("192.0.2.48").bearer(ApiClient.newKey(adminOnPages, "other", "READ"));
        assertThat(other.get("api/v1/products?size=1").statusCode()).as("the limit is per key").isEqualTo(200);
    }

    /** The row of the key named {@code name} in the table of form {@code form}. */
    private static long keyId(String name) throws SQLException {
        try (ErpData data = new ErpData(database)) {
            return data.single("select id from api_key where name = ?", name);
        }
    }

    private static int rowOf(String page, String form, String name) {
        Matcher row = Pattern.compile("id=\"" + form + ":table:(\\d+):revoke\"").matcher(page);
        int at = page.indexOf("id=\"" + form + ":table\"");
        int named = page.indexOf("class=\"key-name\">" + name + "<", at);
        assertThat(named).as(name + " in " + form).isPositive();
        while (row.find()) {
            if (row.start() > named) {
                return Integer.parseInt(row.group(1));
            }
        }
        throw new AssertionError("no revoke button for " + name);
    }

    private static long contacts() throws SQLException {
        try (ErpData data = new ErpData(database)) {
            return data.single("select count(*) from contact");
        }
    }

    private static FacesClient signedIn(String login) {
        FacesClient client = FacesClient.forTestServer(BASE);
        HttpResponse<String> answer = Tenants.signIn(client, slug, login, Tenants.PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return client;
    }

    private static JsonObject json(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isBetween(200, 299);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    private static String state(HttpResponse<String> answer) {
        return json(answer).getString("state");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
