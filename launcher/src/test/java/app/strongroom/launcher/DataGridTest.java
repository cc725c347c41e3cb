package app.strongroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataGridTest {
    @Test
    void aGridOnThisMachineFindsItsMembersByTcpOnLoopbackNeverByMulticast() {
        DataGrid grid = DataGrid.onThisMachine("strongroom-x", List.of(6900, 6901), 6901);

        assertThat(grid.microOptions()).containsExactly("--clusterName", "strongroom-x",
                "--clustermode", "tcpip:127.0.0.1:6900,127.0.0.1:6901", "--interfaces", "127.0.0.1",
                "--startport", "6901");
    }

    @Test
    void membersMustBeHostAndPort() {
        assertThatThrownBy(() -> new DataGrid("g", 6900, List.of("10.0.0.1"), "10.0.0.*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        assertThatThrownBy(() -> new DataGrid("g", 6900, List.of("10.0.0.1:6900-6910"), "10.0.0.*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataGrid("g", 6900, List.of(), "10.0.0.*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataGrid("g", 0, List.of("10.0.0.1:6900"), "10.0.0.*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
