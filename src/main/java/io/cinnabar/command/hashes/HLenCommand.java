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

/** {@code HLEN key}. */
final class HLenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hlen", "hash").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO))
            .doc("Get the number of fields in a hash", "2.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HashValue h = Hashes.get(ctx, argv.get(1));
        ctx.out().integer(h == null ? 0 : h.size());
    }
}
