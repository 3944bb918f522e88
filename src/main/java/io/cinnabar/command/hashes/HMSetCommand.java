package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code HMSET key field value [field value ...]}: HSET replying OK (deprecated). */
final class HMSetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hmset", "hash").arity(-4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set multiple hash fields to multiple values", "2.0.0", "O(N) where N is the number of fields being set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HSetCommand.setFields(ctx, argv);
        ctx.out().ok();
    }
}
