package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code EXPIRE key seconds [NX|XX|GT|LT]}: propagated as PEXPIREAT with the absolute time. */
final class ExpireCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("expire", "generic").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set a key's time to live in seconds", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Expires.expire(ctx, argv, true, true);
    }
}
