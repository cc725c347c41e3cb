package app.strongroom.web.defaults;

import app.strongroom.defaults.DefaultAdministration;
import app.strongroom.defaults.DefaultChange;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's computed defaults: every changed row is saved on its own; a refused one keeps what was typed
 * and says why next to it, with the line and column the language names.
 */
@Named
@ViewScoped
public class DefaultsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient DefaultAdministration administration;

    private List<DefaultRow> rows;

    @PostConstruct
    void load() {
        rows = administration.defaults().stream().map(DefaultRow::new).toList();
    }

    public void save() {
        Map<DefaultField, String> refused = new EnumMap<>(DefaultField.class);
        Map<DefaultField, String> typed = new EnumMap<>(DefaultField.class);
        for (DefaultRow row : rows) {
            if (row.changed()) {
                DefaultChange change = administration.save(row.getField(), row.stored(), row.getExpression());
                if (change instanceof DefaultChange.Refused refusal) {
                    refused.put(row.getField(), refusal.reason());
                    typed.put(row.getField(), row.getExpression());
                } else if (change instanceof DefaultChange.Stale) {
                    refused.put(row.getField(), Messages.text("defaults.stale"));
                    typed.put(row.getField(), row.getExpression());
                }
            }
        }
        load();
        for (int i = 0; i < rows.size(); i++) {
            DefaultRow row = rows.get(i);
            if (refused.containsKey(row.getField())) {
                row.setExpression(typed.get(row.getField()));
                Messages.fieldError("defaults:list:" + i + ":expression", refused.get(row.getField()));
            }
        }
        if (refused.isEmpty()) {
            Messages.info("defaults.saved");
        } else {
            Messages.error("defaults.refused", refused.size());
        }
    }

    public List<DefaultRow> getRows() {
        return rows;
    }
}
