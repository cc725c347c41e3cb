/**
 * What the ERP's pages share: a lazy table over a service's paged, filtered and sorted list, and the messages for
 * the refusals of the services (no right, outside the rules, a state move not allowed, a bad value).
 */
package app.strongroom.web.records;
