package io.cinnabar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandRegistry;
import io.cinnabar.command.Commands;
import io.cinnabar.config.Config;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/** rename-command in the configuration: the command answers to its new name only (or to none). */
class RenameCommandTest {
    @Test void registryRenamesRemovesAndRefusesClashes() {
        CommandRegistry r = Commands.registry();
        CommandEntry flushdb = r.lookup("flushdb");
        r.rename("FLUSHDB", "Badger");
        assertThat(r.lookup("flushdb")).isNull();
        assertThat(r.lookup("BADGER")).isSameAs(flushdb);
        assertThat(r.lookup("get")).isNotNull(); // the others are all still there
        r.rename("keys", "");
        assertThat(r.lookup("keys")).isNull();
        assertThatThrownBy(() -> r.rename("nosuch", "x")).hasMessage("No such command in rename-command");
        assertThatThrownBy(() -> r.rename("get", "set")).hasMessage("Target command name already exists");
    }

    @Test void renamedCommandOverTheWire() throws Exception {
        Config cfg = new Config();
        cfg.load("rename-command flushdb badger\nport 0\nsave \"\"\ndir " + java.nio.file.Files.createTempDirectory("ren"),
                "test");
        Cinnabar server = Cinnabar.launch(cfg, io.cinnabar.time.Clock.system(), true, true);
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("FLUSHDB")).startsWith("-ERR unknown command 'FLUSHDB'");
            assertThat(c.callText("badger")).isEqualTo("+OK\r\n");
        } finally {
            server.close();
        }
    }
}
