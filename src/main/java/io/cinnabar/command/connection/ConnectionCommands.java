package io.cinnabar.command.connection;

import io.cinnabar.command.Command;
import java.util.List;

/** Connection commands: PING, ECHO, SELECT, QUIT, HELLO, AUTH. */
public final class ConnectionCommands {
    private ConnectionCommands() {}

    public static List<Command> all() {
        return List.of(new PingCommand(), new EchoCommand(), new SelectCommand(), new QuitCommand(),
                new HelloCommand(), new AuthCommand(), new ClientCommand(), new ResetCommand());
    }
}
