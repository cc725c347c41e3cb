package app.strongroom.web.files;

import app.strongroom.files.FileContent;
import app.strongroom.files.StoredFileService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /app/files/<id>}: a stored file, decrypted as it streams. Always an attachment, never sniffed, sandboxed:
 * an uploaded HTML or SVG file is saved by the browser, it never runs as a page of this site. Anything that is not
 * the id of one of the caller's tenant's files is 404.
 */
@WebServlet("/app/files/*")
public class FileDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    transient StoredFileService files;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<FileContent> file = id(request.getPathInfo()).flatMap(files::download);
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FileContent content = file.get();
        response.setContentType(servedType(content.contentType()));
        response.setContentLengthLong(content.size());
        response.setHeader("Content-Disposition", disposition(content.name()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        try (InputStream in = content.content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /**
     * The type a download is served as: the uploaded one only if no page could run it (images but SVG, PDF, plain
     * text, CSV, office documents); anything else as bytes. With {@code nosniff}, a stored file can then never be
     * loaded as a script or style sheet by a page of this origin, whatever the page's policy allows.
     */
    static String servedType(String uploaded) {
        String type = uploaded.toLowerCase(java.util.Locale.ROOT);
        boolean inert = (type.startsWith("image/") && !type.contains("svg")) || type.equals("application/pdf")
                || type.equals("text/plain") || type.equals("text/csv") || type.startsWith("application/vnd.");
        return inert ? type : "application/octet-stream";
    }

    /** RFC 6266: an ASCII fallback name and the real one percent-encoded as UTF-8. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Optional<Long> id(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(pathInfo.substring(1)));
    }
}
