/**
 * The companies a tenant trades as: each order and invoice belongs to one, is kept in its currency, and record rules
 * can keep a user to the records of their own company ({@code user.company}).
 */
package app.strongroom.tenant.company;
