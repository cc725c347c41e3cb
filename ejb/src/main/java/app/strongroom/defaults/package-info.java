/**
 * Computed defaults (P19) as services: the tenant administrator writes, checks and clears them
 * ({@link app.strongroom.defaults.DefaultAdministration}); forms of new records ask for their values, computed for the
 * signed-in user ({@link app.strongroom.defaults.NewRecordDefaults}); the services that make records fill the fields a
 * caller left empty from the same defaults.
 */
package app.strongroom.defaults;
