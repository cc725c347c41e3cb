package app.strongroom.web.records;

import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.OutsideRules;
import app.strongroom.tenant.sales.StateMoveRefused;
import app.strongroom.web.Messages;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.function.Supplier;

/** Runs a page's action and says on the page why a service refused it; the service changed nothing then. */
public final class Refusals {
    private Refusals() {
    }

    /**
     * The action's outcome, or null (stay on the page) with a message: a bad value next to its field in {@code form},
     * any other refusal for the whole page.
     */
    public static String attempt(String form, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidValue invalid) {
            String clientId = form + ":" + fieldId(invalid.field());
            boolean onPage = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) != null;
            Messages.fieldError(onPage ? clientId : null, onPage ? invalid.rule() : invalid.getMessage());
        } catch (AccessRefused refused) {
            Messages.error("records.refused." + refused.operation().name().toLowerCase(Locale.ROOT));
        } catch (OutsideRules outside) {
            Messages.error("records.outsideRules");
        } catch (StateMoveRefused move) {
            Messages.error(move.reason());
        }
        return null;
    }

    /** "unit price" -> "unitPrice": the domain names a field in words, the form by its component id. */
    static String fieldId(String field) {
        String[] words = field.split(" ");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }
}
