package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;

/** {@code HEXISTS key field}. */
final class HExistsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hexists", "hash").arity(3).flags(READONLY, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO))
            .doc("Determine if a hash field exists", "2.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HashValue h = Hashes.get(ctx, argv.get(1));
        ctx.out().integer(h != null && h.contains(argv.get(2)) ? 1 : 0);
    }
}
