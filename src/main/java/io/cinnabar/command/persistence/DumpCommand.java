package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.persistence.rdb.DumpPayload;
import io.cinnabar.resp.Argv;

/** {@code DUMP key}: the value serialized as Redis does, for RESTORE on any Redis. */
final class DumpCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("dump", "generic").arity(2).flags(READONLY)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .tips("nondeterministic_output")
            .doc("Return a serialized version of the value stored at the specified key.", "2.6.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Object v = ctx.db().get(argv.get(1));
        if (v == null) {
            ctx.out().nullBulk();
            return;
        }
        ctx.out().bulk(DumpPayload.create(v, ctx.server().config().getBool("rdbcompression")));
    }
}
