package app.strongroom.web.monitoring;

import app.strongroom.staff.PlatformStatus;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * This instance's figures in the Prometheus text exposition format (version 0.0.4): a few JVM figures read from the
 * platform MXBeans and the platform's own counters.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final double NANOS_PER_SECOND = 1e9;

    private final StringBuilder text = new StringBuilder();

    private PrometheusText() {
    }

    static String of(PlatformStatus platform) {
        PrometheusText out = new PrometheusText();
        out.jvm();
        out.metric("strongroom_password_derivations_total", "counter",
                "PBKDF2 password derivations computed by this instance", platform.passwordDerivations());
        out.metric("strongroom_tenant_units_open", "gauge", "Tenant persistence units open on this instance",
                platform.openTenantUnits());
        out.metric("strongroom_signin_locked_refusals_total", "counter",
                "Sign-ins refused because the login or address was locked", platform.lockedRefusals());
        out.metric("strongroom_signin_locked_refusal_seconds_total", "counter",
                "Time the sign-in service spent refusing locked sign-ins", platform.lockedRefusalNanos() / NANOS_PER_SECOND);
        return out.text.toString();
    }

    private void jvm() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        metric("jvm_memory_heap_used_bytes", "gauge", "Heap in use", heap.getUsed());
        metric("jvm_memory_heap_committed_bytes", "gauge", "Heap committed by the JVM", heap.getCommitted());
        metric("jvm_memory_heap_max_bytes", "gauge", "Largest heap the JVM may use (-1: no limit)", heap.getMax());
        metric("jvm_memory_nonheap_used_bytes", "gauge", "Non-heap memory in use", nonHeap.getUsed());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        metric("jvm_threads_live", "gauge", "Live threads", threads.getThreadCount());
        metric("jvm_threads_daemon", "gauge", "Live daemon threads", threads.getDaemonThreadCount());
        metric("jvm_threads_peak", "gauge", "Most live threads since the JVM started", threads.getPeakThreadCount());

        header("jvm_gc_collections_total", "counter", "Garbage collections, by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sample("jvm_gc_collections_total{gc=\"" + label(gc.getName()) + "\"}", gc.getCollectionCount());
        }
        header("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection, by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sample("jvm_gc_collection_seconds_total{gc=\"" + label(gc.getName()) + "\"}", gc.getCollectionTime() / 1000.0);
        }

        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        metric("system_cpu_count", "gauge", "Processors available to the JVM", os.getAvailableProcessors());
        metric("system_load_average_1m", "gauge", "System load average over the last minute (-1: unknown)",
                os.getSystemLoadAverage());
        if (os instanceof com.sun.management.OperatingSystemMXBean process) {
            metric("process_cpu_seconds_total", "counter", "CPU time used by this process",
                    process.getProcessCpuTime() / NANOS_PER_SECOND);
            metric("process_cpu_load", "gauge", "Recent CPU use of this process, 0 to 1 (-1: unknown)",
                    process.getProcessCpuLoad());
        }
        metric("jvm_uptime_seconds", "gauge", "Time since the JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    private void metric(String name, String type, String help, double value) {
        header(name, type, help);
        sample(name, value);
    }

    private void header(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String series, double value) {
        text.append(series).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(value);
        }
        text.append('\n');
    }

    /** Label values escape backslash, double quote and line feed (the format's only escapes). */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
