package app.strongroom.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileDownloadServletTest {
    @Test
    void onlyTypesNoPageCanRunAreServedAsUploaded() {
        assertThat(FileDownloadServlet.servedType("image/png")).isEqualTo("image/png");
        assertThat(FileDownloadServlet.servedType("application/pdf")).isEqualTo("application/pdf");
        assertThat(FileDownloadServlet.servedType("text/plain")).isEqualTo("text/plain");
        for (String runnable : new String[] {"text/javascript", "application/javascript", "text/css", "text/html",
                "image/svg+xml", "application/xhtml+xml", "application/json", "text/xml"}) {
            assertThat(FileDownloadServlet.servedType(runnable)).as(runnable).isEqualTo("application/octet-stream");
        }
    }
}
