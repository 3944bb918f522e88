package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MemoryEstimate;

/** {@code MEMORY USAGE key [SAMPLES count]}: the bytes the key and its value take, as the memory accounting estimates them ({@link MemoryEstimate}). */
final class MemoryUsageCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("usage", "server").parent("memory").arity(-3).flags(READONLY)
            .key(KeySpec.single(2, KeySpec.RO))
            .doc("Estimate the memory usage of a key", "4.0.0", "O(N) where N is the number of samples.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long samples = MemoryEstimate.DEFAULT_SAMPLES;
        for (int i = 3; i < argv.size(); i++) {
            if (argv.is(i, "samples") && i + 1 < argv.size()) {
                samples = argv.longArg(i + 1);
                if (samples < 0) throw Errors.SYNTAX;
                i++;
            } else {
                throw Errors.SYNTAX;
            }
        }
        KeyEntry e = ctx.db().lookup(argv.get(2));
        if (e == null) {
            ctx.out().nullBulk();
            return;
        }
        // SAMPLES 0: every element; the default matches what the accounting holds for the key
        int n = (int) Math.min(samples, Integer.MAX_VALUE);
        ctx.out().integer(MemoryEstimate.keyUsage(e.key(), e.value(), n));
    }
}
