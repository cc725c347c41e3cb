/**
 * What every JSON API of Strongroom shares, so the staff API of today and a tenant API later look alike: one JAX-RS
 * application under {@code /api}, JSON through JSON-B with one configuration, every error as
 * {@code application/problem+json} (RFC 9457) and never a stack trace or a page, and the OpenAPI description the
 * server publishes at {@code /openapi}. Authentication is the bearer branch of the one security mechanism
 * ({@code app.strongroom.web.security}); an API never accepts a session cookie.
 */
package app.strongroom.web.api;
