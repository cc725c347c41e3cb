/**
 * Jakarta Security wiring: the one mechanism (form sign-in and sessions for pages, bearer staff API tokens for the
 * JSON API, never the one for the other), the identity store that turns the two kinds of credentials (tenant user,
 * platform staff) into a caller name and roles, and the filters that keep every request on HTTPS and refuse
 * cross-site form posts.
 */
package app.strongroom.web.security;
