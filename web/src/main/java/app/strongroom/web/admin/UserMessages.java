package app.strongroom.web.admin;

import app.strongroom.users.UserChange;
import app.strongroom.web.Messages;

/** Shows what became of a user or group change: next to the field at fault, or for the page. */
final class UserMessages {
    private UserMessages() {
    }

    static void show(UserChange change, String formPrefix) {
        if (change instanceof UserChange.Done) {
            Messages.info("users.saved");
        } else if (change instanceof UserChange.NotFound) {
            Messages.error("users.notFound");
        } else if (change instanceof UserChange.Refused refused) {
            Messages.fieldError(refused.field().isEmpty() ? null : formPrefix + refused.field(), refused.reason());
        } else if (change instanceof UserChange.MailFailed failed) {
            Messages.error("users.mailFailed", failed.reason());
        }
    }
}
