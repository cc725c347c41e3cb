package app.strongroom.web.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem straight to a servlet response: for refusals made before a request reaches JAX-RS. */
public final class ProblemAnswers {
    private ProblemAnswers() {
    }

    public static void write(HttpServletResponse response, Problem problem) {
        try {
            byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
