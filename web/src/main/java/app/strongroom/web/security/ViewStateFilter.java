package app.strongroom.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps Faces postbacks to what a page's own form sends (P17): the view state only in a POST body, and every form POST
 * carrying one. With server-side state saving the view state is a random key into the session that answered the
 * page, so a forged or replayed post from another session finds no view and ends in the expired page. A multipart
 * body is checked by {@code files.UploadLimitFilter}, which alone may parse one, after its size.
 */
@WebFilter(filterName = "viewState", urlPatterns = "*.xhtml")
public class ViewStateFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The view state's parameter name, for the filter that checks multipart bodies after their size. */
    public static final String VIEW_STATE = Postback.VIEW_STATE;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Postback.Verdict verdict = Postback.judge(request.getMethod(), request.getQueryString(),
                request.getContentType(), () -> request.getParameter(Postback.VIEW_STATE) != null);
        if (verdict == Postback.Verdict.PROCEED) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
