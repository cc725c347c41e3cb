/**
 * Public sign-up: a company becomes a tenant with its own database, login role and first administrator (P1).
 * A failure at any step undoes the steps before it, so no half-made tenant is left behind.
 */
package app.strongroom.signup;
