package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;
import java.nio.charset.StandardCharsets;

/** {@code SPOP key [count]}: propagated as SREMs, or as DEL when the whole set is popped. */
final class SPopCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("spop", "set").arity(-2).flags(WRITE, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Remove and return one or multiple random members from a set", "1.0.0", "Without the count argument O(1), otherwise O(N) where N is the value of the passed count.").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError NOT_POSITIVE = Errors.err("value is out of range, must be positive");
    private static final byte[] SREM = "SREM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    /** SPOP_MOVE_STRATEGY_MUL: rebuild the rest when few members remain. */
    private static final long MOVE_STRATEGY_MUL = 5;

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.SYNTAX;
        byte[] key = argv.get(1);
        RespOut out = ctx.out();
        if (argv.size() == 2) {
            SetValue s = Sets.get(ctx, key);
            if (s == null) {
                out.nullBulk();
                return;
            }
            byte[] m = s.pop();
            ctx.modified(key, Sets.SPOP);
            ctx.propagateAs(SREM, key, m);
            out.bulk(m);
            Sets.deleteIfEmpty(ctx, key, s);
            return;
        }
        long count = argv.longArg(2, NOT_POSITIVE);
        if (count < 0) throw NOT_POSITIVE;
        SetValue s = Sets.get(ctx, key);
        if (s == null || count == 0) {
            out.setHeader(0);
            return;
        }
        long size = s.size();
        ctx.modified(key, Sets.SPOP);
        ctx.dirty(Math.min(count, size) - 1);
        if (count >= size) {
            Sets.replySet(out, s);
            ctx.db().delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
            ctx.propagateAs(DEL, key);
            return;
        }
        out.setHeader(count);
        long remaining = size - count;
        if (remaining * MOVE_STRATEGY_MUL > count) {
            for (long k = 0; k < count; k++) {
                byte[] m = s.pop();
                out.bulk(m);
                ctx.propagateAs(SREM, key, m);
            }
            return;
        }
        // few remain: move the survivors to a new set, return what is left of the old one
        long max = Sets.maxIntset(ctx);
        SetValue kept = null;
        for (long k = 0; k < remaining; k++) {
            byte[] m = s.pop();
            if (kept == null) kept = SetValue.createFor(m);
            kept.add(m, max);
        }
        s.forEach(m -> {
            out.bulk(m);
            ctx.propagateAs(SREM, key, m);
        });
        ctx.db().lookup(key).value(kept);
    }
}
