/**
 * What a load balancer and a monitoring system read: {@code /health} tells anyone up or down and nothing more;
 * {@code /metrics} gives JVM and platform figures in the Prometheus text format to signed-in platform staff and to
 * the addresses in {@code strongroom.monitoring.addresses} only. They replace Payara's MicroProfile endpoints, which
 * the launcher's post-boot commands switch off because they answer anyone.
 */
package app.strongroom.web.monitoring;
