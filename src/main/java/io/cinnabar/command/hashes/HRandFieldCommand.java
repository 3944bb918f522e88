package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.HashValue;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** {@code HRANDFIELD key [count [WITHVALUES]]}: a negative count allows repeats. */
final class HRandFieldCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hrandfield", "hash").arity(-2).flags(READONLY)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get one or multiple random fields from a hash", "6.2.0", "O(N) where N is the number of fields returned").tips("nondeterministic_output").build();

    /** Ends a huge reply early once the client is being closed (stackless, thrown through randomFields). */
    private static final RuntimeException STOP = new RuntimeException("stop", null, false, false) {};

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError OUT_OF_RANGE = Errors.err("value is out of range");

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        if (argv.size() == 2) {
            HashValue h = Hashes.get(ctx, argv.get(1));
            byte[][] fv = h == null ? null : h.randomField();
            out.bulk(fv == null ? null : fv[0]);
            return;
        }
        long l = argv.longArg(2);
        if (l == Long.MIN_VALUE) {
            throw Errors.err("value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        boolean withValues = argv.size() == 4 && argv.is(3, "withvalues");
        if (argv.size() > 4 || (argv.size() == 4 && !withValues)) throw Errors.SYNTAX;
        if (withValues && (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2)) throw OUT_OF_RANGE;
        HashValue h = Hashes.get(ctx, argv.get(1));
        if (h == null || l == 0) {
            out.emptyArray();
            return;
        }
        long size = h.size();
        long count = Math.abs(l);
        boolean flat = withValues && !out.resp3();
        if (l < 0) {
            out.arrayHeader(flat ? count * 2 : count);
            io.cinnabar.server.ClientConnection c = ctx.client();
            io.cinnabar.server.OutputBufferLimits limits = ctx.server().outputLimits();
            int[] n = {0};
            try {
                h.randomFields(count, (f, v) -> {
                    Hashes.replyField(out, f, v, withValues);
                    // hrandfieldWithCountCommand: a client over its output buffer limit stops the loop
                    if ((++n[0] & 1023) == 0 && limits.check(c)) throw STOP;
                });
            } catch (RuntimeException e) {
                if (e != STOP) throw e;
            }
            return;
        }
        long n = Math.min(count, size);
        out.arrayHeader(flat ? n * 2 : n);
        if (count >= size) {
            h.forEach((f, v) -> Hashes.replyField(out, f, v, withValues));
        } else if (h.isCompact() || count * 3 > size) {
            // copy and pick count distinct positions (a partial Fisher-Yates shuffle)
            byte[][] pairs = new byte[(int) size * 2][];
            int[] i = {0};
            h.forEach((f, v) -> {
                pairs[i[0]++] = f;
                pairs[i[0]++] = v;
            });
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int k = 0; k < count; k++) {
                int j = k + rnd.nextInt((int) size - k);
                byte[] f = pairs[2 * j], v = pairs[2 * j + 1];
                pairs[2 * j] = pairs[2 * k];
                pairs[2 * j + 1] = pairs[2 * k + 1];
                Hashes.replyField(out, f, v, withValues);
            }
        } else {
            Map<HashValue.Entry, Boolean> seen = new IdentityHashMap<>();
            while (seen.size() < count) {
                HashValue.Entry e = h.table().fairRandom();
                if (seen.put(e, Boolean.TRUE) == null) Hashes.replyField(out, e.key(), e.value(), withValues);
            }
        }
    }
}
