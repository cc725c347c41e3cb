package app.strongroom.launcher;

import java.util.List;
import java.util.Objects;

/**
 * How Payara Micro's Hazelcast data grid, which holds the state every instance shares (sign-in failure counts), finds
 * its members. Discovery is by TCP to a fixed member list on a fixed interface, never multicast: multicast is absent
 * on many hosts and build machines (Hazelcast then fails to start, or waits), and it would let any Payara on the
 * network with the same name join.
 *
 * @param name       the grid's cluster name; one of its own per installation
 * @param port       the port this instance's member listens on
 * @param members    {@code host:port} of every member to look for, this one included
 * @param interfaces the interface (or Hazelcast interface pattern) the member binds to
 */
public record DataGrid(String name, int port, List<String> members, String interfaces) {
    public DataGrid {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaces, "interfaces");
        members = List.copyOf(members);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("data grid port out of range: " + port);
        }
        if (members.isEmpty() || members.stream().anyMatch(m -> !m.matches("[^:,\\s]+:\\d{1,5}"))) {
            throw new IllegalArgumentException("data grid members must be host:port, comma separated: " + members);
        }
    }

    /** A grid of instances on this machine only, bound to the loopback interface. */
    public static DataGrid onThisMachine(String name, List<Integer> ports, int port) {
        return new DataGrid(name, port, ports.stream().map(p -> "127.0.0.1:" + p).toList(), "127.0.0.1");
    }

    /** Payara Micro's command-line options for this grid. */
    public List<String> microOptions() {
        return List.of("--clusterName", name,
                "--clustermode", "tcpip:" + String.join(",", members),
                "--interfaces", interfaces,
                "--startport", Integer.toString(port));
    }
}
