package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code MGET key [key ...]}: a key of another type reads as null. */
final class MGetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("mget", "string").arity(-2).flags(READONLY, FAST)
            .acl(AclCategory.STRING).key(KeySpec.range(1, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the values of all the given keys", "1.0.0", "O(N) where N is the number of keys to retrieve.")
            .tips("request_policy:multi_shard").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().arrayHeader(argv.size() - 1);
        for (int i = 1; i < argv.size(); i++) {
            Object v = Strings.lookupRead(ctx, argv.get(i));
            if (Strings.isString(v)) Strings.bulk(ctx, v);
            else ctx.out().nullBulk();
        }
    }
}
