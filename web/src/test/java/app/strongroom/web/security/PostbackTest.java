package app.strongroom.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.web.security.Postback.Verdict;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PostbackTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Test
    void aFormPostWithItsViewStateProceeds() {
        assertThat(Postback.judge("POST", null, FORM, () -> true)).isEqualTo(Verdict.PROCEED);
        assertThat(Postback.judge("post", "id=4", FORM.toUpperCase(java.util.Locale.ROOT), () -> true))
                .isEqualTo(Verdict.PROCEED);
    }

    @Test
    void aFormPostWithoutAViewStateIsRefused() {
        assertThat(Postback.judge("POST", "id=4", FORM, () -> false)).isEqualTo(Verdict.POST_WITHOUT_VIEW_STATE);
    }

    @Test
    void aViewStateInTheAddressIsRefusedWhateverTheMethodAndSpelling() {
        assertThat(Postback.judge("GET", "form=form&jakarta.faces.ViewState=-1:2&form:save=", null, () -> false))
                .isEqualTo(Verdict.VIEW_STATE_IN_ADDRESS);
        assertThat(Postback.judge("GET", "jakarta%2Efaces%2EViewState=x", null, () -> false))
                .isEqualTo(Verdict.VIEW_STATE_IN_ADDRESS);
        assertThat(Postback.judge("HEAD", "a=1;jakarta.faces.ViewState", null, () -> false))
                .isEqualTo(Verdict.VIEW_STATE_IN_ADDRESS);
        assertThat(Postback.judge("POST", "jakarta.faces.ViewState=x", FORM, () -> true))
                .as("a genuine body does not excuse a view state in the address")
                .isEqualTo(Verdict.VIEW_STATE_IN_ADDRESS);
    }

    @Test
    void ordinaryPagesAndOtherBodiesProceedWithoutReadingTheBody() {
        AtomicBoolean read = new AtomicBoolean();
        assertThat(Postback.judge("GET", "id=4&tenant=acme", null, () -> read.getAndSet(true)))
                .isEqualTo(Verdict.PROCEED);
        assertThat(Postback.judge("GET", null, null, () -> read.getAndSet(true))).isEqualTo(Verdict.PROCEED);
        assertThat(Postback.judge("POST", null, "multipart/form-data; boundary=x", () -> read.getAndSet(true)))
                .as("an upload is checked by the upload filter, once its size is known")
                .isEqualTo(Verdict.PROCEED);
        assertThat(read).as("only a form post's body is asked").isFalse();
    }

    @Test
    void namesThatOnlyLookAlikeAreNotTheViewState() {
        assertThat(Postback.namesViewState("q=jakarta.faces.ViewState")).isFalse();
        assertThat(Postback.namesViewState("jakarta.faces.ViewStateX=1")).isFalse();
        assertThat(Postback.namesViewState("%zz=1")).isFalse();
        assertThat(Postback.namesViewState("")).isFalse();
    }
}
