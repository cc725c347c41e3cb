/**
 * Runs Strongroom on one machine with nothing but a JDK: an embedded PostgreSQL started from Maven artifacts (or an
 * external one), a self-signed certificate made at first start, and Payara Micro serving the WAR over HTTPS. The
 * integration tests start the platform through the same classes, so what they test is what a developer runs.
 */
package app.strongroom.launcher;
