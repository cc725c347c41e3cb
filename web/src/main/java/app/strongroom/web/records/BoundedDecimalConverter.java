package app.strongroom.web.records;

import app.strongroom.web.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.BigDecimalConverter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;

/**
 * Every decimal field of every form, read as the standard converter reads it, but refused unread when longer than any
 * amount can be written: {@link BigDecimal} reads digits in time that grows with the square of their number, so a field
 * holding a megabyte of digits would keep a request thread busy for minutes. Registered for the class in
 * {@code faces-config.xml}.
 */
public class BoundedDecimalConverter extends BigDecimalConverter {
    /** Twelve digits before the point, three after, a sign and room for spaces: no amount needs more. */
    static final int MAX_LENGTH = 40;

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (tooLong(value)) {
            Object label = component.getAttributes().get("label");
            String text = Messages.text("records.numberTooLong", label == null ? component.getId() : label,
                    MAX_LENGTH);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return super.getAsObject(context, component, value);
    }

    static boolean tooLong(String value) {
        return value != null && value.strip().length() > MAX_LENGTH;
    }
}
