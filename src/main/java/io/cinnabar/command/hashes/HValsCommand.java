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

/** {@code HVALS key}. */
final class HValsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hvals", "hash").arity(2).flags(READONLY)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get all the values in a hash", "2.0.0", "O(N) where N is the size of the hash.").tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        HashValue h = Hashes.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        if (h == null) {
            out.emptyArray();
            return;
        }
        out.arrayHeader(h.size());
        h.forEach((f, v) -> { out.bulk(v); });
    }
}
