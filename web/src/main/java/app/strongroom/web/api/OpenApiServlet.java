package app.strongroom.web.api;

import app.strongroom.identity.Role;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The OpenAPI description of the JSON APIs at {@code /openapi} (YAML; JSON with {@code ?format=json} or
 * {@code Accept: application/json}), made from the resources' annotations when the application is built, so it lists
 * exactly the operations the API publishes (P18). Signed-in platform staff read it; anyone else gets the same 404 as
 * for a page that does not exist, as for the platform's figures: the staff API is no business of the public.
 */
@WebServlet(name = "openapi", urlPatterns = "/openapi")
public class OpenApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(Role.Names.PLATFORM_OPERATOR) && !request.isUserInRole(Role.Names.PLATFORM_HELPDESK)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"))
                || String.valueOf(request.getHeader("Accept")).toLowerCase(Locale.ROOT).contains("application/json");
        try (InputStream document = OpenApiServlet.class.getResourceAsStream(json ? "openapi.json" : "openapi.yaml")) {
            if (document == null) {
                throw new IllegalStateException("the build made no OpenAPI document");
            }
            response.setContentType(json ? "application/json" : "application/yaml");
            response.setCharacterEncoding("UTF-8");
            document.transferTo(response.getOutputStream());
        }
    }
}
