package app.strongroom.web.access;

import app.strongroom.access.AccessAdministration;
import app.strongroom.access.RightView;
import app.strongroom.access.RuleChange;
import app.strongroom.access.RuleDraft;
import app.strongroom.access.RuleView;
import app.strongroom.tenant.access.AccessExplanation;
import app.strongroom.users.GroupAdministration;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Rights, rules and "explain access" for the tenant administrator. */
@Named
@ViewScoped
public class AccessPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient AccessAdministration administration;
    @EJB
    transient GroupAdministration groupAdministration;

    private List<RightRow> rights;
    private List<RuleView> rules;
    private List<String> groups;
    private final RuleDraftForm rule = new RuleDraftForm();
    private final ExplainForm explain = new ExplainForm();
    private AccessExplanation explanation;

    @PostConstruct
    void load() {
        rights = administration.rights().stream().map(RightRow::new).toList();
        rules = administration.rules();
        groups = groupAdministration.groups();
    }

    public void saveRights() {
        List<RightView> stored = administration.rights();
        for (RightRow row : rights) {
            stored.stream().filter(s -> s.model() == row.getModel() && Objects.equals(s.group(), row.getGroup()))
                    .filter(row::differsFrom).findFirst()
                    .ifPresent(s -> administration.grant(row.getModel(), row.getGroup(), row.granted()));
        }
        Messages.info("access.rights.saved");
        load();
    }

    public void saveRule() {
        RuleChange change = administration.saveRule(Optional.ofNullable(rule.getId()), new RuleDraft(rule.getName(),
                rule.getModel(), rule.getGroup(), rule.getExpression(), rule.chosenOperations()));
        if (change instanceof RuleChange.Refused refused) {
            Messages.fieldError("rule:" + refused.field(), refused.reason());
            return;
        }
        Messages.info(change instanceof RuleChange.Saved ? "access.rule.saved" : "records.notFound");
        rule.clear();
        load();
    }

    public void editRule(RuleView view) {
        rule.fill(view);
    }

    public void deleteRule(long id) {
        Messages.info(administration.deleteRule(id) instanceof RuleChange.Saved ? "access.rule.deleted"
                : "records.notFound");
        load();
    }

    public void explain() {
        explanation = administration.explain(explain.getLogin(), explain.getModel(), explain.getOperation(),
                explain.getRecordId() == null ? 0 : explain.getRecordId()).orElse(null);
        if (explanation == null) {
            Messages.fieldError("explain:login", Messages.text("access.explain.noUser"));
        }
    }

    public List<RecordModel> getModels() {
        return RecordModel.managed();
    }

    public Operation[] getOperations() {
        return Operation.values();
    }

    public List<String> getGroups() {
        return groups;
    }

    public List<RightRow> getRights() {
        return rights;
    }

    public List<RuleView> getRules() {
        return rules;
    }

    public RuleDraftForm getRule() {
        return rule;
    }

    public ExplainForm getExplain() {
        return explain;
    }

    public AccessExplanation getExplanation() {
        return explanation;
    }
}
