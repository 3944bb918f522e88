package io.cinnabar.command.hyperloglog;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HyperLogLog;
import io.cinnabar.store.MutableString;

/** {@code PFDEBUG GETREG|DECODE|ENCODING|TODENSE key}: HLL internals; a conversion to dense is propagated. */
final class PfDebugCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pfdebug", "hyperloglog").arity(3).flags(WRITE, DENYOOM, ADMIN)
            .acl(AclCategory.HYPERLOGLOG).key(KeySpec.single(2, KeySpec.RW | KeySpec.ACCESS))
            .doc("Internal commands for debugging HyperLogLog values", "2.8.9", "N/A").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        MutableString s = Hlls.forWrite(ctx, argv.get(2));
        if (s == null) throw Errors.err("The specified key does not exist");
        if (argv.is(1, "getreg")) {
            if (HyperLogLog.encoding(s.buf()) == HyperLogLog.SPARSE) toDense(ctx, s);
            int[] regs = HyperLogLog.registers(s.buf());
            ctx.out().arrayHeader(regs.length);
            for (int r : regs) ctx.out().integer(r);
        } else if (argv.is(1, "decode")) {
            if (HyperLogLog.encoding(s.buf()) != HyperLogLog.SPARSE) throw Errors.err("HLL encoding is not sparse");
            ctx.out().bulk(HyperLogLog.decode(s.buf(), s.length()));
        } else if (argv.is(1, "encoding")) {
            ctx.out().simple(HyperLogLog.encoding(s.buf()) == HyperLogLog.DENSE ? "dense" : "sparse");
        } else if (argv.is(1, "todense")) {
            boolean conv = HyperLogLog.encoding(s.buf()) == HyperLogLog.SPARSE;
            if (conv) toDense(ctx, s);
            ctx.out().integer(conv ? 1 : 0);
        } else {
            throw Errors.err("Unknown PFDEBUG subcommand '" + argv.str(1) + "'");
        }
    }

    private static void toDense(Ctx ctx, MutableString s) {
        if (!HyperLogLog.sparseToDense(s)) throw Hlls.INVALID;
        ctx.dirty(1); // force propagation of the encoding change, as Redis
    }
}
