/**
 * Jakarta Security wiring: the custom-form mechanism, the identity store that turns the two kinds of credentials
 * (tenant user, platform staff) into a caller name and roles, and the filter that keeps every request on HTTPS.
 */
package app.strongroom.web.security;
