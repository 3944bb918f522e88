package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;

/** {@code TYPE key}: "string", "list", "set", "zset", "hash", "stream", or "none". */
final class TypeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("type", "generic").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RO))
            .doc("Determine the type stored at key", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().peek(argv.get(1));
        ctx.out().simple(e == null ? "none" : e.type().label());
    }
}
