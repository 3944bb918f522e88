package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.HashValue;

/** {@code HGETALL key}: a map in RESP3. */
final class HGetAllCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hgetall", "hash").arity(2).flags(READONLY)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get all the fields and values in a hash", "2.0.0", "O(N) where N is the size of the hash.").tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HashValue h = Hashes.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        if (h == null) {
            out.mapHeader(0);
            return;
        }
        out.mapHeader(h.size());
        h.forEach((f, v) -> { out.bulk(f); out.bulk(v); });
    }
}
