package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;

/** {@code RANDOMKEY}: expired keys met on the way are deleted, their DELs propagated without MULTI. */
final class RandomKeyCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("randomkey", "generic").arity(1).flags(READONLY)
            .acl(AclCategory.KEYSPACE).doc("Return a random key from the keyspace", "1.0.0", "O(1)")
            .tips("request_policy:all_shards", "nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().randomKey();
        ctx.server().propagator().noTransaction();
        if (e == null) ctx.out().nullBulk();
        else ctx.out().bulk(e.key());
    }
}
