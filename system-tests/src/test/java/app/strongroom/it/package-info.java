/**
 * System tests: the real WAR on Payara Micro (Arquillian), the real EAR on Payara Server, real PostgreSQL
 * (embedded, one per test run, started by {@link app.strongroom.it.TestPlatform}) and a real browser.
 */
package app.strongroom.it;
