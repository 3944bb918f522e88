package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandIntrospection;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import java.util.Arrays;

/** {@code COMMAND GETKEYS command [arg ...]} and {@code COMMAND GETKEYSANDFLAGS command [arg ...]}. */
final class CommandGetKeysCommand implements Command {
    static final CommandSpec GETKEYS = CommandSpec.builder("getkeys", "server").parent("command").arity(-4)
            .flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Extract keys given a full Redis command", "2.8.13",
                    "O(N) where N is the number of arguments to the command").build();
    static final CommandSpec GETKEYSANDFLAGS = CommandSpec.builder("getkeysandflags", "server").parent("command")
            .arity(-4).flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Extract keys and access flags given a full Redis command", "7.0.0",
                    "O(N) where N is the number of arguments to the command").build();
    private static final RedisError INVALID_COMMAND = new RedisError("ERR Invalid command specified");
    private static final RedisError NO_KEYS = new RedisError("ERR The command has no key arguments");
    private static final RedisError BAD_ARITY =
            new RedisError("ERR Invalid number of arguments specified for command");

    private final boolean withFlags;

    CommandGetKeysCommand(boolean withFlags) {
        this.withFlags = withFlags;
    }

    @Override public CommandSpec spec() {
        return withFlags ? GETKEYSANDFLAGS : GETKEYS;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Argv cmd = Argv.of(Arrays.copyOfRange(argv.toArray(), 2, argv.size()));
        CommandEntry e = ctx.server().dispatcher().lookup(cmd);
        if (e == null) throw INVALID_COMMAND;
        CommandSpec spec = e.spec();
        if (!CommandIntrospection.hasKeys(spec) && !spec.name().startsWith("sort")) throw NO_KEYS;
        if (!spec.arityOk(cmd.size())) throw BAD_ARITY;
        CommandIntrospection.getKeys(ctx.out(), spec, cmd, withFlags);
    }
}
