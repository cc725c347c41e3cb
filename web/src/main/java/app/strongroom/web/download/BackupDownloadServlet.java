package app.strongroom.web.download;

import app.strongroom.download.DownloadRefusals;
import app.strongroom.download.KeptDownloads;
import app.strongroom.download.KeptFile;
import app.strongroom.download.KeptLookup;
import app.strongroom.download.KeptSending;
import app.strongroom.download.LiveDownloads;
import app.strongroom.download.LiveOutcome;
import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /downloads/backups/<id>} (GET, HEAD): one of the company's kept backups, decrypted as it streams, resumable
 * by {@code Range} with {@code If-Range}; {@code /downloads/backups/live} (POST, forwarded from the Backups page): the
 * company's live data as a backup made while it streams. Both for the company's administrators only.
 *
 * <p>The path lies outside the container's {@code /app/*} constraints on purpose: a refused request reaches this
 * servlet, which has it recorded (who, from where, what was asked) before it answers 403, or 404 for a backup that is
 * not the company's, whoever it belongs to. Sessions that ended elsewhere are ended here too
 * ({@code SessionEpochFilter}).
 *
 * <p>A live download is a POST: it holds the company's one live-download lease and a database snapshot while it runs,
 * so another site must not be able to start one in an administrator's name. It is the Backups page's Faces form, whose
 * action forwards here once Faces has accepted the form's view state (P17, {@link BackupsPage#downloadLive}); a POST
 * sent here directly is refused. A cross-site POST carries no session cookie (SameSite=Lax) and is refused by
 * {@code SameOriginFilter} for its Origin anyway, while a GET link on another site would carry the cookie on a
 * top-level navigation. A kept backup is an ordinary GET link: a cross-site request
 * can only save it to the administrator's own disk, and holds nothing.
 *
 * <p>A response that fails after its first byte (a segment failing authentication, the database going away) is cut
 * off, never completed: nobody may take part of a backup for the whole. A download its client gave up stops
 * ({@link ClientConnection}).
 */
@WebServlet("/downloads/backups/*")
public class BackupDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String LIVE = "/live";
    private static final Pattern ID = Pattern.compile("/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final String ZIP = "application/zip";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @EJB
    transient KeptDownloads kept;
    @EJB
    transient LiveDownloads live;
    @EJB
    transient DownloadRefusals refusals;
    @Inject
    transient PlatformSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        kept(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        kept(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!LIVE.equals(request.getPathInfo())) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "download.kept.get");
            return;
        }
        String address = address(request);
        if (!request.isUserInRole(Role.Names.TENANT_ADMIN)) {
            refuse(request, response, "the live download", Optional.empty(), address);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.FORWARD) {
            // Only the Backups page forwards here, after Faces accepted its form's view state: a post made anywhere
            // else carries no proof that the administrator's own page sent it.
            plain(response, HttpServletResponse.SC_FORBIDDEN, "download.live.post");
            return;
        }
        Optional<ClientConnection> connection = ClientConnection.of(request);
        LiveOutcome outcome = live.download(address, fileName -> {
            response.setContentType(ZIP);
            response.setHeader("Content-Disposition", attachment(fileName));
            noStore(response);
            // Headers out now: the browser shows the download starting while the snapshot is being read.
            response.flushBuffer();
            return new ClientWatch(response.getOutputStream(), connection);
        });
        if (outcome instanceof LiveOutcome.Busy busy) {
            plain(response, HttpServletResponse.SC_CONFLICT, "download.live.busy", UTC.format(busy.since()),
                    busy.login());
        } else if (outcome instanceof LiveOutcome.Failed failed) {
            if (failed.cutOff()) {
                throw cut(connection, "the live download failed after it started: " + failed.reason());
            }
            if (!response.isCommitted()) {
                plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "download.live.unavailable",
                        failed.reason());
            }
        }
    }

    private void kept(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        String path = request.getPathInfo();
        if (LIVE.equals(path)) {
            response.setHeader("Allow", "POST");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "download.live.post");
            return;
        }
        Optional<UUID> id = id(path);
        String address = address(request);
        String asked = id.map(i -> "backup " + i).orElse("the address " + shortened(path));
        if (!request.isUserInRole(Role.Names.TENANT_ADMIN) || id.isEmpty()) {
            refuse(request, response, asked, id, address);
            return;
        }
        KeptLookup lookup = kept.find(id.get(), address);
        if (lookup instanceof KeptLookup.NotAtHome missing) {
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    missing.safeOnSites() ? "download.kept.notAtHome.safe" : "download.kept.notAtHome");
            return;
        }
        if (!(lookup instanceof KeptLookup.Found found)) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "download.kept.notFound");
            return;
        }
        KeptFile file = found.file();
        RangeRequest range = ByteRanges.read(request.getHeader("Range"), request.getHeader("If-Range"), file.etag(),
                file.size());
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", file.etag());
        noStore(response);
        if (range instanceof RangeRequest.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + file.size());
            response.setContentLengthLong(0);
            return;
        }
        long first = 0;
        long length = file.size();
        if (range instanceof RangeRequest.Part part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + file.size());
            first = part.first();
            length = part.length();
        }
        response.setContentType(ZIP);
        response.setHeader("Content-Disposition", attachment(file.fileName()));
        response.setContentLengthLong(length);
        if (!withBody) {
            return;
        }
        Optional<ClientConnection> connection = ClientConnection.of(request);
        KeptSending sending;
        try {
            sending = kept.send(file.id(), first, length, address,
                    new ClientWatch(response.getOutputStream(), connection));
        } catch (ClientWatch.ClientGone gone) {
            return;
        }
        if (sending instanceof KeptSending.Damaged damaged) {
            throw cut(connection, "backup " + file.id() + " failed its integrity check after " + damaged.bytesSent()
                    + " bytes");
        }
        if (sending instanceof KeptSending.Gone) {
            if (response.isCommitted()) {
                throw cut(connection, "backup " + file.id() + " was removed while it was being sent");
            }
            response.reset();
            plain(response, HttpServletResponse.SC_NOT_FOUND, "download.kept.notFound");
        }
    }

    /** 403 for anybody who is not one of the company's administrators; 404 for an administrator asking for no backup. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String asked, Optional<UUID> id,
                        String address) throws IOException {
        refusals.refused(asked, id, address);
        if (request.getUserPrincipal() == null) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "download.refused.signIn");
        } else if (!request.isUserInRole(Role.Names.TENANT_ADMIN)) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "download.refused.notAdministrator");
        } else {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "download.kept.notFound");
        }
    }

    private String address(HttpServletRequest request) {
        return ClientAddress.of(request, settings.trustedProxies());
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** A short explanation in plain text, from the message bundle. */
    private static void plain(HttpServletResponse response, int status, String key, Object... args) throws IOException {
        String message = ResourceBundle.getBundle("app.strongroom.web.messages", Locale.ENGLISH).getString(key);
        byte[] text = ((args.length == 0 ? message : MessageFormat.format(message, args)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        noStore(response);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    /** A download's file name (a slug, digits, letters and hyphens: nothing to escape). */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    static Optional<UUID> id(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(pathInfo);
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }

    private static String shortened(String path) {
        String text = String.valueOf(path);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** Closes the connection under the response, then ends the request with the reason. */
    private static CutOff cut(Optional<ClientConnection> connection, String reason) {
        connection.ifPresent(ClientConnection::close);
        return new CutOff(reason);
    }

    /** Ends a request whose response was cut off where it stood: it must not look complete. */
    private static final class CutOff extends IOException {
        private static final long serialVersionUID = 1L;

        CutOff(String message) {
            super(message);
        }
    }
}
