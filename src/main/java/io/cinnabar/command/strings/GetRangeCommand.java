package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.StringValues;

/** {@code GETRANGE key start end}; SUBSTR is the same command under its old name. */
final class GetRangeCommand implements Command {
    static final CommandSpec SPEC = spec("getrange", "2.4.0");

    private final CommandSpec spec;

    GetRangeCommand(CommandSpec spec) {
        this.spec = spec;
    }

    static CommandSpec spec(String name, String since) {
        return CommandSpec.builder(name, "string").arity(4).flags(READONLY).acl(AclCategory.STRING)
                .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
                .doc("Get a substring of the string stored at a key", since, "O(N) where N is the length of the "
                        + "returned string. The complexity is ultimately determined by the returned length, but "
                        + "because creating a substring from an existing string is very cheap, it can be "
                        + "considered O(1) for small strings.").build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long start = argv.longArg(2);
        long end = argv.longArg(3);
        Object v = Strings.readString(ctx, argv.get(1));
        long len = Strings.length(v);
        if (start < 0 && end < 0 && start > end) {
            ctx.out().bulk(new byte[0]);
            return;
        }
        if (start < 0) start = len + start;
        if (end < 0) end = len + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= len) end = len - 1;
        if (start > end || len == 0) ctx.out().bulk(new byte[0]);
        else ctx.out().bulk(StringValues.backing(v), (int) start, (int) (end - start + 1));
    }
}
