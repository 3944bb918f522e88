package io.cinnabar.command.hyperloglog;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HyperLogLog;
import io.cinnabar.store.MutableString;

/** {@code PFMERGE destkey [sourcekey ...]}: the destination (itself a source) takes the registers' maxima. */
final class PfMergeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pfmerge", "hyperloglog").arity(-2).flags(WRITE, DENYOOM)
            .acl(AclCategory.HYPERLOGLOG)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.INSERT))
            .key(KeySpec.range(2, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Merge N different HyperLogLogs into a single one.", "2.8.9",
                    "O(N) to merge N HyperLogLogs, but with high constant times.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] max = new byte[HyperLogLog.REGISTERS];
        boolean[] dense = new boolean[1];
        if (!Hlls.mergeInto(ctx, max, argv, 1, dense)) throw Hlls.INVALID;
        byte[] key = argv.get(1);
        MutableString s = Hlls.forWrite(ctx, key);
        if (s == null) s = Hlls.create(ctx, key);
        if (dense[0] && !HyperLogLog.sparseToDense(s)) throw Hlls.INVALID;
        long sparseMax = Hlls.sparseMaxBytes(ctx);
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (max[j] != 0) HyperLogLog.setAtLeast(s, j, max[j], sparseMax);
        }
        HyperLogLog.invalidateCache(s.buf());
        ctx.modified(key, Hlls.PFADD);
        ctx.out().ok();
    }
}
