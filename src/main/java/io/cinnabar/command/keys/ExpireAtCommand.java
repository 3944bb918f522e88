package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code EXPIREAT key unix-time-seconds [NX|XX|GT|LT]}: propagated as PEXPIREAT in milliseconds. */
final class ExpireAtCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("expireat", "generic").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set the expiration for a key as a UNIX timestamp", "1.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Expires.expire(ctx, argv, false, true);
    }
}
