/**
 * Computed defaults (P19): the tenant administrator gives fields of new records a default written in the expression
 * language ({@code today + 30}, {@code if 3 in user.groups then 3 else user.id}), checked when saved and computed for
 * the signed-in user when a form opens or a record is made without the field. A default is a value, never code: it is
 * read from its closed syntax tree by {@link app.strongroom.tenant.defaults.DefaultEvaluator}.
 */
package app.strongroom.tenant.defaults;
