package app.strongroom.web.api.staff;

import app.strongroom.jobs.JobRefusedException;
import app.strongroom.web.api.Problem;
import app.strongroom.web.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The console would not do it in the execution's or tenant's present state: 409, with the console's own sentence. */
@Provider
@ApplicationScoped
public class JobRefusedMapper implements ExceptionMapper<JobRefusedException> {
    @Override
    public Response toResponse(JobRefusedException refused) {
        String reason = refused.getMessage();
        String sentence = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return Problem.of(ProblemType.CONFLICT, sentence.endsWith(".") ? sentence : sentence + ".").response().build();
    }
}
