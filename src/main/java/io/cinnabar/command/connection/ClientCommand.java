package io.cinnabar.command.connection;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.tracking.ClientCachingCommand;
import io.cinnabar.tracking.ClientGetredirCommand;
import io.cinnabar.tracking.ClientTrackingCommand;
import io.cinnabar.tracking.ClientTrackinginfoCommand;
import java.util.Locale;

/** {@code CLIENT subcommand ...}: a container. */
final class ClientCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("client", "connection").arity(-2)
            .doc("A container for client connection commands", "2.4.0", "Depends on subcommand.")
            .subcommands(new ClientIdCommand(), new ClientSetnameCommand(), new ClientGetnameCommand(),
                    new ClientListCommand(), new ClientInfoCommand(), new ClientKillCommand(), new ClientPauseCommand(),
                    new ClientUnpauseCommand(), new ClientReplyCommand(), new ClientNoEvictCommand(),
                    new ClientUnblockCommand(), new ClientTrackingCommand(), new ClientCachingCommand(),
                    new ClientGetredirCommand(), new ClientTrackinginfoCommand(),
                    new ClientHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("client");
    }

    /** getClientType: 0 normal, 1 replica, 2 pubsub, 3 master (MONITOR clients are normal). */
    static int typeOf(ClientConnection c) {
        if (c.has(ClientConnection.MASTER)) return 3;
        if (c.has(ClientConnection.REPLICA) && !c.has(ClientConnection.MONITOR)) return 1;
        if (c.has(ClientConnection.PUBSUB)) return 2;
        return 0;
    }

    /** getClientTypeByName, or -1. */
    static int typeByName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "normal": return 0;
            case "slave": case "replica": return 1;
            case "pubsub": return 2;
            case "master": return 3;
            default: return -1;
        }
    }
}
