package io.cinnabar.command.hyperloglog;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HyperLogLog;
import io.cinnabar.store.MutableString;

/** {@code PFADD key [element ...]}: 1 when the key was created or a register changed. */
final class PfAddCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pfadd", "hyperloglog").arity(-2).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HYPERLOGLOG).key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT))
            .doc("Adds the specified elements to the specified HyperLogLog.", "2.8.9", "O(1) to add every element.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        MutableString s = Hlls.forWrite(ctx, key);
        int updated = 0;
        if (s == null) {
            s = Hlls.create(ctx, key);
            updated++;
        }
        long max = Hlls.sparseMaxBytes(ctx);
        for (int j = 2; j < argv.size(); j++) {
            int r = HyperLogLog.add(s, argv.get(j), max);
            if (r < 0) throw Hlls.INVALID;
            updated += r;
        }
        if (updated > 0) {
            ctx.modified(key, Hlls.PFADD);
            ctx.dirty(updated - 1);
            HyperLogLog.invalidateCache(s.buf());
        }
        ctx.out().integer(updated > 0 ? 1 : 0);
    }
}
