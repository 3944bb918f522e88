package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT]}. */
final class PExpireAtCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pexpireat", "generic").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set the expiration for a key as a UNIX timestamp specified in milliseconds", "2.6.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Expires.expire(ctx, argv, false, false);
    }
}
