package app.strongroom.access;

import app.strongroom.common.InvalidValue;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessExplanation;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.ModelAccess;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.RecordRule;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.security.AuditedExpression;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant administrator's rights and rules. Every change is in the tenant's audit trail. A rule whose expression
 * does not check is refused with the position of the problem, and nothing is saved.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessAdministration {
    @Inject
    TenantData tenantData;

    /** Every managed model for everyone and for each group, granted or not. */
    public List<RightView> rights() {
        return tenantData.inTransaction(em -> {
            List<ModelAccess> stored = em.createNamedQuery(ModelAccess.ALL, ModelAccess.class).getResultList();
            List<String> groups = new ArrayList<>();
            groups.add(null);
            em.createNamedQuery(UserGroup.ALL, UserGroup.class).getResultStream().map(UserGroup::name)
                    .forEach(groups::add);
            List<RightView> rows = new ArrayList<>();
            for (RecordModel model : RecordModel.managed()) {
                for (String group : groups) {
                    Set<Operation> granted = stored.stream()
                            .filter(r -> r.model().filter(model::equals).isPresent())
                            .filter(r -> Objects.equals(r.group().map(UserGroup::name).orElse(null), group))
                            .findFirst().map(ModelAccess::granted).orElse(Set.of());
                    rows.add(new RightView(model, group, granted));
                }
            }
            return rows;
        });
    }

    /** Makes {@code granted} exactly what {@code group} (null: everyone) may do on {@code model}. */
    public void grant(RecordModel model, String group, Set<Operation> granted) {
        String actor = tenantData.caller().login();
        tenantData.inTransaction(em -> {
            Optional<UserGroup> target = group == null ? Optional.empty() : Optional.of(group(em, group));
            Optional<ModelAccess> existing = em.createNamedQuery(ModelAccess.ALL, ModelAccess.class).getResultStream()
                    .filter(r -> r.model().filter(model::equals).isPresent())
                    .filter(r -> r.group().equals(target)).findFirst();
            existing.ifPresentOrElse(r -> r.grant(granted),
                    () -> em.persist(new ModelAccess(model, target, granted)));
            em.persist(new SecurityEvent(SecurityEventKind.RIGHTS_CHANGED, null, null, actor, model.modelName() + " for "
                    + (group == null ? "every user" : "group " + group) + ": " + new TreeSet<>(granted)));
            return null;
        });
    }

    public List<RuleView> rules() {
        return tenantData.inTransaction(em -> em.createNamedQuery(RecordRule.ALL, RecordRule.class)
                .getResultStream().filter(r -> r.model().isPresent()).map(RuleView::of).toList());
    }

    /** Creates a rule ({@code id} empty) or changes one. */
    public RuleChange saveRule(Optional<Long> id, RuleDraft draft) {
        String actor = tenantData.caller().login();
        try {
            return tenantData.inTransaction(em -> {
                Optional<UserGroup> group = draft.group() == null || draft.group().isBlank() ? Optional.empty()
                        : Optional.of(group(em, draft.group()));
                RecordRule rule;
                if (id.isPresent()) {
                    rule = em.find(RecordRule.class, id.get());
                    if (rule == null) {
                        return new RuleChange.NotFound();
                    }
                    rule.change(draft.name(), group, draft.expression(), draft.operations());
                } else {
                    rule = new RecordRule(draft.name(), draft.model(), group, draft.expression(), draft.operations());
                    em.persist(rule);
                }
                em.flush();
                em.persist(new SecurityEvent(SecurityEventKind.RULE_SAVED, null, null, actor, "rule " + rule.id()
                        + " on " + rule.model().map(RecordModel::modelName).orElse("?") + ": "
                        + AuditedExpression.of(draft.expression())));
                return new RuleChange.Saved(rule.id());
            });
        } catch (ExpressionError wrong) {
            return new RuleChange.Refused("expression", wrong.getMessage());
        } catch (InvalidValue invalid) {
            return new RuleChange.Refused(invalid.field(), invalid.rule());
        }
    }

    public RuleChange deleteRule(long id) {
        String actor = tenantData.caller().login();
        return tenantData.inTransaction(em -> {
            RecordRule rule = em.find(RecordRule.class, id);
            if (rule == null) {
                return new RuleChange.NotFound();
            }
            em.remove(rule);
            em.persist(new SecurityEvent(SecurityEventKind.RULE_DELETED, null, null, actor, "rule " + id + " ("
                    + rule.name() + "): " + AuditedExpression.of(rule.expression())));
            return new RuleChange.Saved(id);
        });
    }

    /** Why {@code login} may or may not do {@code operation} on the record; empty when there is no such user. */
    public Optional<AccessExplanation> explain(String login, RecordModel model, Operation operation, long id) {
        return tenantData.inTransaction(em -> UserAccount.parseLogin(login)
                .flatMap(l -> UserAccount.byLogin(em, l))
                .map(user -> AccessPolicy.of(em, user.login(), tenantData.today())
                        .explain(em, model, operation, id)));
    }

    private static UserGroup group(EntityManager em, String name) {
        return em.createNamedQuery(UserGroup.BY_NAMES, UserGroup.class).setParameter("names", List.of(name))
                .getResultStream().findFirst().orElseThrow(() -> new InvalidValue("group", "does not exist"));
    }
}
