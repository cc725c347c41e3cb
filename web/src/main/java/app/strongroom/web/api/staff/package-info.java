/**
 * The staff JSON API under {@code /api/staff}: the batch console's jobs and executions (operators) and tenants' kept
 * backups (operators and helpdesk), for the command-line console and staff scripts. It publishes what the console
 * needs and no more; every call is authenticated by a staff API token and authorised by the services' roles.
 */
package app.strongroom.web.api.staff;
