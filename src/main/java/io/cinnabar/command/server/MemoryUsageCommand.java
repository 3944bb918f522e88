package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;

/** {@code MEMORY USAGE key [SAMPLES count]}: an estimate of the JVM bytes the key and its value take. */
final class MemoryUsageCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("usage", "server").parent("memory").arity(-3).flags(READONLY)
            .key(KeySpec.single(2, KeySpec.RO))
            .doc("Estimate the memory usage of a key", "4.0.0", "O(N) where N is the number of samples.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    /** Per entry: the KeyEntry object, its slot in the table, the key array's header. */
    private static final long ENTRY_OVERHEAD = 64;

    @Override public void execute(Ctx ctx, Argv argv) {
        for (int i = 3; i < argv.size(); i++) {
            if (argv.is(i, "samples") && i + 1 < argv.size()) {
                long n = argv.longArg(i + 1);
                if (n < 0) throw Errors.SYNTAX;
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
        ctx.out().integer(estimate(argv.get(2).length, e.value()));
    }

    /** Key bytes + value bytes + object headers; aggregates count ~48 bytes of structure per element. */
    static long estimate(int keyLength, Object v) {
        long n = ENTRY_OVERHEAD + align(16 + keyLength) + (16 /* expiry slot, if any */);
        if (v instanceof byte[] b) {
            n += align(16 + b.length);
        } else if (v instanceof io.cinnabar.store.MutableString m) {
            n += 16 + align(16 + m.buf().length);
        } else if (v instanceof io.cinnabar.store.TypedValue t) {
            n += 64 + t.size() * 48;
        } else {
            n += 16;
        }
        return n;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
