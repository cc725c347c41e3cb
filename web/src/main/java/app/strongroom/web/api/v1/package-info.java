/**
 * The tenant JSON API, {@code /api/v1}: contacts, products, sales orders and invoices of the key's tenant, through
 * the same EJB services as the pages, so the key's user's rights and record rules apply unchanged (P18, P20). Only
 * the operations declared here are published; every other path or method is a 404 or 405 problem.
 */
package app.strongroom.web.api.v1;
