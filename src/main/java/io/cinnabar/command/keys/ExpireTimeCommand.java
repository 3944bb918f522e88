package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code EXPIRETIME key}: the absolute expiry in Unix seconds; -1 without TTL, -2 if missing. */
final class ExpireTimeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("expiretime", "generic").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the expiration Unix timestamp for a key", "7.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Expires.ttl(ctx, argv, false, true);
    }
}
