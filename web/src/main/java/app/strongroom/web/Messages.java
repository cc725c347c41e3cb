package app.strongroom.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;

/** Puts messages from the {@code msg} bundle on the page, globally or next to one field. */
public final class Messages {
    private Messages() {
    }

    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return MessageFormat.format(bundle.getString(key), args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** An information that survives the redirect that follows (a record saved, then its list shown). */
    public static void infoAfterRedirect(String key, Object... args) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(key, args);
    }

    /**
     * An error next to the field with the given client id, said under the field's own label ("Short name" + "is
     * taken"); {@code rule} is what the services say, without the field's name. Without a field, a sentence for the page.
     */
    public static void fieldError(String clientId, String rule) {
        String text = Optional.ofNullable(clientId).flatMap(Messages::labelOf).map(label -> label + " " + rule)
                .orElse(rule);
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /** The text of the label that names the field, as the person saw it on the page. */
    private static Optional<String> labelOf(String clientId) {
        UIComponent field = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (field == null) {
            return Optional.empty();
        }
        Object label = field.getAttributes().get("label");
        if (label != null) {
            return Optional.of(label.toString());
        }
        UIComponent form = field;
        while (!(form instanceof UIForm) && form.getParent() != null) {
            form = form.getParent();
        }
        return labelIn(form, field.getId());
    }

    private static Optional<String> labelIn(UIComponent component, String fieldId) {
        if (fieldId.equals(component.getAttributes().get("for")) && component.getAttributes().get("value") != null) {
            return Optional.of(component.getAttributes().get("value").toString());
        }
        return component.getChildren().stream().map(child -> labelIn(child, fieldId)).flatMap(Optional::stream)
                .findFirst();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, summary));
    }
}
