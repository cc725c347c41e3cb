/**
 * The customer portal (P21): the public page a mailed link opens, outside {@code /app} and its sign-in, and the
 * tenant's buttons that mail and revoke links. The page trusts nothing but the link, which the services check on
 * every request.
 */
package app.strongroom.web.portal;
