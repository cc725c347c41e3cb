package app.strongroom.it;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages and forms of the running application as one client (signed in or not) reaches them, for tests that must
 * cover every form without a list of pages that new pages would silently escape.
 * <p>
 * How the walk finds pages: breadth first from the given addresses (the landing page a sign-in leads to, then seeds
 * for pages reached only with a parameter), it follows every link of every page it reads, an {@code <a href>} or the
 * address a PrimeFaces {@code p:button} opens ({@code window.open('...')} in its script), that stays on the server
 * and names a Faces page ({@code .xhtml}, not a Faces resource). A page is its path and the names of its parameters:
 * {@code contact.xhtml?id=1} and {@code ?id=2} are one page, read once, the first address met (seeds come first);
 * {@code contact.xhtml} without an id (a new contact) is another. Only pages answered 200 count and are followed:
 * pages the client may not open answer otherwise (a redirect to sign-in, 403, 404).
 */
final class SiteWalk {
    private static final Pattern OPENED = Pattern.compile("window\\.open\\('([^']+)'");
    private static final Pattern JS_ESCAPE = Pattern.compile("\\\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))");
    private static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final String NONCE = "primefaces.nonce";

    /** A page the walk reached. */
    record Page(String key, URI address) {
    }

    /**
     * A form of a page as a browser would send it: its fields with their values, and the buttons that submit it (by
     * name; an empty name for a button that has none, which sends nothing of itself).
     */
    record Form(String id, URI action, boolean multipart, List<Map.Entry<String, String>> fields,
                Optional<String> viewState, List<String> submits) {

        /**
         * The body a browser sends pressing {@code submit}, carrying {@code viewState} if any (a page's own, another
         * session's, or none) and the page's CSP nonce as PrimeFaces' script adds it.
         */
        List<Map.Entry<String, String>> body(String submit, Optional<String> viewState, Optional<String> nonce) {
            List<Map.Entry<String, String>> body = new ArrayList<>(fields);
            if (!submit.isEmpty()) {
                body.add(new SimpleEntry<>(submit, ""));
            }
            viewState.ifPresent(v -> body.add(new SimpleEntry<>(VIEW_STATE, v)));
            nonce.ifPresent(n -> body.add(new SimpleEntry<>(NONCE, n)));
            return body;
        }

        /** The same form with {@code name} set to {@code value}. */
        Form with(String name, String value) {
            List<Map.Entry<String, String>> changed = new ArrayList<>(fields.stream()
                    .filter(f -> !f.getKey().equals(name)).toList());
            changed.add(new SimpleEntry<>(name, value));
            return new Form(id, action, multipart, changed, viewState, submits);
        }
    }

    private SiteWalk() {
    }

    /** Every page {@code client} reaches from {@code starts} (paths relative to the server), at most {@code limit}. */
    static List<Page> walk(FacesClient client, List<String> starts, int limit) {
        Map<String, Page> pages = new LinkedHashMap<>();
        Deque<URI> queue = new ArrayDeque<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        starts.forEach(s -> queue.add(client.base().resolve(s)));
        while (!queue.isEmpty() && pages.size() < limit) {
            URI address = queue.poll();
            String key = key(address);
            if (!seen.add(key)) {
                continue;
            }
            HttpResponse<String> answer = client.get(address.toString());
            if (answer.statusCode() != 200) {
                continue;
            }
            pages.put(key, new Page(key, address));
            links(client.base(), answer).stream().filter(link -> !seen.contains(key(link))).forEach(queue::add);
        }
        return List.copyOf(pages.values());
    }

    /** The forms of a page that can post: each with a view state, a submit button or {@code method="post"}. */
    static List<Form> forms(HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        List<Form> forms = new ArrayList<>();
        for (Element form : document.select("form")) {
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            Optional<String> viewState = Optional.empty();
            for (Element control : form.select("input[name], textarea[name], select[name]")) {
                String name = control.attr("name");
                String type = control.attr("type").toLowerCase(java.util.Locale.ROOT);
                if (VIEW_STATE.equals(name)) {
                    viewState = Optional.of(control.attr("value"));
                } else if (control.is("textarea")) {
                    fields.add(new SimpleEntry<>(name, control.wholeText()));
                } else if (control.is("select")) {
                    Element chosen = Optional.ofNullable(control.selectFirst("option[selected]"))
                            .orElse(control.selectFirst("option"));
                    if (chosen != null) {
                        fields.add(new SimpleEntry<>(name, chosen.hasAttr("value") ? chosen.attr("value")
                                : chosen.text()));
                    }
                } else if (!List.of("submit", "button", "image", "reset", "file").contains(type)
                        && (!List.of("checkbox", "radio").contains(type) || control.hasAttr("checked"))) {
                    fields.add(new SimpleEntry<>(name, control.attr("value")));
                }
            }
            List<String> submits = new ArrayList<>();
            for (Element button : form.select("button, input[type=submit], a.ui-commandlink[id]")) {
                String type = button.attr("type").toLowerCase(java.util.Locale.ROOT);
                if (button.is("a") || button.is("input") || type.isEmpty() || "submit".equals(type)) {
                    submits.add(button.is("a") ? button.id() : button.attr("name"));
                }
            }
            if (viewState.isPresent() || !submits.isEmpty() || "post".equalsIgnoreCase(form.attr("method"))) {
                forms.add(new Form(form.id(), URI.create(form.absUrl("action")),
                        form.attr("enctype").toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"), fields,
                        viewState, submits));
            }
        }
        return forms;
    }

    /** The page's one Faces view state (every form of a page carries the same). */
    static Optional<String> viewState(HttpResponse<String> page) {
        return forms(page).stream().flatMap(f -> f.viewState().stream()).findFirst();
    }

    private static List<URI> links(URI base, HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        List<String> found = new ArrayList<>();
        document.select("a[href]").forEach(a -> found.add(a.absUrl("href")));
        Matcher opened = OPENED.matcher(page.body());
        while (opened.find()) {
            found.add(unescaped(opened.group(1)).replace("&amp;", "&"));
        }
        List<URI> links = new ArrayList<>();
        for (String link : found) {
            try {
                URI uri = page.uri().resolve(link);
                if (base.getScheme().equals(uri.getScheme()) && base.getAuthority().equals(uri.getAuthority())
                        && uri.getPath() != null && uri.getPath().endsWith(".xhtml")
                        && !uri.getPath().contains("jakarta.faces.resource")) {
                    links.add(uri);
                }
            } catch (IllegalArgumentException notAnAddress) {
                // A link the page made that is no address (a fragment script, say) leads to no page.
            }
        }
        return links;
    }

    /** A JavaScript string literal's text: {@code \xNN} and {@code \}{@code uNNNN} escapes, and {@code \c} as c. */
    private static String unescaped(String literal) {
        Matcher escape = JS_ESCAPE.matcher(literal);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            String code = escape.group(1) != null ? escape.group(1) : escape.group(2);
            escape.appendReplacement(text, Matcher.quoteReplacement(code != null
                    ? String.valueOf((char) Integer.parseInt(code, 16)) : escape.group(3)));
        }
        return escape.appendTail(text).toString();
    }

    /** A page: its path and the sorted names of its parameters. */
    static String key(URI address) {
        TreeSet<String> names = new TreeSet<>();
        if (address.getRawQuery() != null) {
            for (String pair : address.getRawQuery().split("&")) {
                names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        return address.getPath() + (names.isEmpty() ? "" : "?" + String.join("&", names));
    }
}
