package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code GET key}. */
final class GetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("get", "string").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the value of a key", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Object v = Strings.readString(ctx, argv.get(1)); // a hit is counted before WRONGTYPE, as Redis
        if (v == null) ctx.out().nullBulk();
        else Strings.bulk(ctx, v);
    }
}
