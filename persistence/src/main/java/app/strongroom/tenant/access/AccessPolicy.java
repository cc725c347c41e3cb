package app.strongroom.tenant.access;

import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One user's rights and record rules, read from the tenant database for one request, and what they allow. Every
 * service that reads or changes records asks this, whatever page, export or API call reached it (P20).
 */
public final class AccessPolicy {
    private static final Logger LOG = Logger.getLogger(AccessPolicy.class.getName());

    private final UserContext user;
    private final List<ModelAccess> rights;
    private final List<LoadedRule> rules;

    private AccessPolicy(UserContext user, List<ModelAccess> rights, List<LoadedRule> rules) {
        this.user = user;
        this.rights = rights;
        this.rules = rules;
    }

    /** The policy of the active user {@code login}; anybody else (gone, deactivated) may do nothing. */
    public static AccessPolicy of(EntityManager em, String login, LocalDate today) {
        Optional<UserAccount> account = UserAccount.byLogin(em, login).filter(UserAccount::isActive);
        if (account.isEmpty()) {
            return new AccessPolicy(new UserContext(0, 0, Set.of(), false, today), List.of(), List.of());
        }
        UserAccount user = account.get();
        Set<UserGroup> groups = user.groups();
        UserContext context = new UserContext(user.id(), user.companyId(),
                groups.stream().map(UserGroup::id).collect(Collectors.toSet()), user.isAdministrator(), today);
        List<ModelAccess> rights = em.createNamedQuery(ModelAccess.ALL, ModelAccess.class).getResultStream()
                .filter(right -> right.appliesTo(groups)).toList();
        List<LoadedRule> rules = em.createNamedQuery(RecordRule.ALL, RecordRule.class).getResultStream()
                .filter(rule -> rule.group().map(groups::contains).orElse(true))
                .map(LoadedRule::of).toList();
        return new AccessPolicy(context, rights, rules);
    }

    public UserContext user() {
        return user;
    }

    /** Whether the user holds the right: the administrator flag, or a right of everyone or of one of their groups. */
    public boolean permits(RecordModel model, Operation operation) {
        return user.administrator() || !grantedBy(model, operation).isEmpty();
    }

    /** @throws AccessRefused unless the user holds the right */
    public void require(RecordModel model, Operation operation) {
        if (!permits(model, operation)) {
            throw new AccessRefused(model, operation);
        }
    }

    /**
     * The record rules of {@code model} for {@code operation} as one predicate over {@code root}: the global rules
     * AND-ed, the user's group rules OR-ed (true when there are none), and the two AND-ed.
     */
    public Predicate restriction(RecordModel model, Operation operation, CriteriaBuilder cb, From<?, ?> root,
                                 QueryParameters parameters) {
        RuleCompiler compiler = new RuleCompiler(cb, root, model, user, parameters);
        List<Predicate> global = new ArrayList<>();
        List<Predicate> ofGroups = new ArrayList<>();
        for (LoadedRule rule : applicable(model, operation)) {
            Predicate predicate = rule.tree().flatMap(tree -> compiled(compiler, tree, rule)).orElseGet(cb::disjunction);
            (rule.rule().isGlobal() ? global : ofGroups).add(predicate);
        }
        Predicate all = cb.and(global.toArray(Predicate[]::new));
        return ofGroups.isEmpty() ? all : cb.and(all, cb.or(ofGroups.toArray(Predicate[]::new)));
    }

    /**
     * The rules of {@code operation}, and for a write or delete also those of reading: a record the user cannot see
     * is not found for any operation, even when a rule was ticked for reading only. A create is judged by its own
     * rules.
     */
    private Predicate reach(RecordModel model, Operation operation, CriteriaBuilder cb, From<?, ?> root,
                            QueryParameters parameters) {
        Predicate own = restriction(model, operation, cb, root, parameters);
        if (operation == Operation.READ || operation == Operation.CREATE) {
            return own;
        }
        return cb.and(own, restriction(model, Operation.READ, cb, root, parameters));
    }

    /** The record with {@code id}, if the user holds the right and the record lies inside the rules. */
    public <T> Optional<T> find(EntityManager em, Class<T> type, RecordModel model, Operation operation, long id) {
        require(model, operation);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        QueryParameters parameters = new QueryParameters();
        query.select(root).where(cb.equal(root.get("id"), parameters.bind(cb, Long.class, id)),
                reach(model, operation, cb, root, parameters));
        return parameters.applyTo(em.createQuery(query)).getResultStream().findFirst();
    }

    /**
     * Refuses, rolling the transaction back, unless the record with {@code id} lies inside the rules once what this
     * transaction wrote is flushed: a write may not move a record out of the user's reach, nor a create make one.
     */
    public void requireInside(EntityManager em, RecordModel model, Operation operation, long id) {
        em.flush();
        if (!inside(em, model, id, (cb, root, parameters) -> reach(model, operation, cb, root, parameters))) {
            throw new OutsideRules(model, operation);
        }
    }

    /** For an administrator: which rights and rules allow or deny this user {@code operation} on the record. */
    public AccessExplanation explain(EntityManager em, RecordModel model, Operation operation, long id) {
        boolean exists = inside(em, model, id, (cb, root, parameters) -> cb.conjunction());
        List<RuleVerdict> global = new ArrayList<>();
        List<RuleVerdict> ofGroups = new ArrayList<>();
        for (LoadedRule rule : applicable(model, operation)) {
            boolean inside = rule.tree().isPresent() && inside(em, model, id, (cb, root, parameters) ->
                    new RuleCompiler(cb, root, model, user, parameters).compile(rule.tree().get()));
            RuleVerdict verdict = new RuleVerdict(rule.rule().name(), rule.rule().group().map(UserGroup::name),
                    rule.rule().expression(), inside, rule.error());
            (rule.rule().isGlobal() ? global : ofGroups).add(verdict);
        }
        boolean allowed = exists && permits(model, operation) && global.stream().allMatch(RuleVerdict::inside)
                && (ofGroups.isEmpty() || ofGroups.stream().anyMatch(RuleVerdict::inside));
        return new AccessExplanation(model, operation, id, exists, user.administrator(),
                grantedBy(model, operation), global, ofGroups, allowed);
    }

    /** The rule's predicate, or none (letting nothing through) when a stored rule cannot be compiled. */
    private static Optional<Predicate> compiled(RuleCompiler compiler, Expression tree, LoadedRule rule) {
        try {
            return Optional.of(compiler.compile(tree));
        } catch (RuntimeException broken) {
            LOG.warning(() -> "record rule " + rule.rule().id() + " cannot be compiled and lets nothing through: "
                    + broken);
            return Optional.empty();
        }
    }

    /** The operations the user holds on {@code model}. */
    public Set<Operation> granted(RecordModel model) {
        Set<Operation> granted = EnumSet.noneOf(Operation.class);
        for (Operation operation : Operation.values()) {
            if (permits(model, operation)) {
                granted.add(operation);
            }
        }
        return granted;
    }

    private List<String> grantedBy(RecordModel model, Operation operation) {
        return rights.stream()
                .filter(right -> right.model().filter(model::equals).isPresent())
                .filter(right -> right.granted().contains(operation))
                .map(right -> right.group().map(UserGroup::name).orElse("every user"))
                .sorted().toList();
    }

    private List<LoadedRule> applicable(RecordModel model, Operation operation) {
        return rules.stream()
                .filter(rule -> rule.rule().model().filter(model::equals).isPresent())
                .filter(rule -> rule.rule().appliesTo(operation))
                .toList();
    }

    private boolean inside(EntityManager em, RecordModel model, long id, Restriction restriction) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<?> root = query.from(model.entity());
        QueryParameters parameters = new QueryParameters();
        query.select(cb.count(root)).where(cb.equal(root.get("id"), parameters.bind(cb, Long.class, id)),
                restriction.over(cb, root, parameters));
        return parameters.applyTo(em.createQuery(query)).getSingleResult() > 0;
    }

    @FunctionalInterface
    private interface Restriction {
        Predicate over(CriteriaBuilder cb, From<?, ?> root, QueryParameters parameters);
    }

    /** A stored rule and its checked tree; a rule that no longer checks has none, and lets nothing through. */
    private record LoadedRule(RecordRule rule, Optional<Expression> tree, Optional<String> error) {
        static LoadedRule of(RecordRule rule) {
            try {
                return new LoadedRule(rule, Optional.of(rule.parsed()), Optional.empty());
            } catch (ExpressionError broken) {
                LOG.warning(() -> "record rule " + rule.id() + " no longer checks and lets nothing through: "
                        + broken.getMessage());
                return new LoadedRule(rule, Optional.empty(), Optional.of(broken.getMessage()));
            }
        }
    }
}
