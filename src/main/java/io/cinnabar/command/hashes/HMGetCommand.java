package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.HashValue;

/** {@code HMGET key field [field ...]}: a missing key is an empty hash. */
final class HMGetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hmget", "hash").arity(-3).flags(READONLY, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the values of all the given hash fields", "2.0.0", "O(N) where N is the number of fields being requested.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HashValue h = Hashes.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        out.arrayHeader(argv.size() - 2);
        for (int i = 2; i < argv.size(); i++) out.bulk(h == null ? null : h.get(argv.get(i)));
    }
}
