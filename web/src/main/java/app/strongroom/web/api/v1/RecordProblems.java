package app.strongroom.web.api.v1;

import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.OutsideRules;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.web.api.Problem;
import app.strongroom.web.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * What the ERP services refuse, as problems: a state move its record's state does not allow (409), a value a rule
 * refuses (422, naming the field), no right for the operation or a change that would leave the caller's record rules
 * (403). Each service rolled its transaction back, so nothing changed.
 */
public final class RecordProblems {
    private RecordProblems() {
    }

    @Provider
    @ApplicationScoped
    public static class StateMove implements ExceptionMapper<StateMoveRefused> {
        @Override
        public Response toResponse(StateMoveRefused e) {
            return Problem.of(ProblemType.CONFLICT, sentence("Not possible in the record's state: " + e.getMessage()))
                    .response().build();
        }
    }

    @Provider
    @ApplicationScoped
    public static class Invalid implements ExceptionMapper<InvalidValue> {
        @Override
        public Response toResponse(InvalidValue e) {
            return unprocessable(e.field(), e.rule());
        }
    }

    @Provider
    @ApplicationScoped
    public static class NoRight implements ExceptionMapper<AccessRefused> {
        @Override
        public Response toResponse(AccessRefused e) {
            return Problem.of(ProblemType.FORBIDDEN, sentence("You have " + e.getMessage())).response().build();
        }
    }

    @Provider
    @ApplicationScoped
    public static class Outside implements ExceptionMapper<OutsideRules> {
        @Override
        public Response toResponse(OutsideRules e) {
            return Problem.of(ProblemType.FORBIDDEN, sentence(e.getMessage())).response().build();
        }
    }

    @Provider
    @ApplicationScoped
    public static class Query implements ExceptionMapper<ListParameters.InvalidQuery> {
        @Override
        public Response toResponse(ListParameters.InvalidQuery e) {
            return Problem.of(ProblemType.BAD_REQUEST, e.getMessage()).response().build();
        }
    }

    static Response unprocessable(String field, String rule) {
        return Problem.of(ProblemType.UNPROCESSABLE, sentence("'" + field + "' " + rule)).response().build();
    }

    private static String sentence(String text) {
        String s = text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
