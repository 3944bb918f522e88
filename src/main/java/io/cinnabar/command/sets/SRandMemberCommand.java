package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** {@code SRANDMEMBER key [count]}: a negative count allows repeats. */
final class SRandMemberCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("srandmember", "set").arity(-2).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get one or multiple random members from a set", "1.0.0", "Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        if (argv.size() == 2) {
            SetValue s = Sets.get(ctx, argv.get(1));
            out.bulk(s == null ? null : s.random());
            return;
        }
        if (argv.size() > 3) throw Errors.SYNTAX;
        long l = argv.longArg(2);
        if (l == Long.MIN_VALUE) {
            throw Errors.err("value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        SetValue s = Sets.get(ctx, argv.get(1));
        if (s == null || l == 0) {
            out.emptyArray();
            return;
        }
        long count = Math.abs(l);
        if (l < 0 || count == 1) {
            out.arrayHeader(count);
            for (long k = 0; k < count; k++) out.bulk(s.random());
            return;
        }
        long size = s.size();
        if (count >= size) {
            out.arrayHeader(size);
            s.forEach(out::bulk);
            return;
        }
        out.arrayHeader(count);
        if (s.isIntset() || count * 3 > size) {
            byte[][] all = new byte[(int) size][];
            int[] i = {0};
            s.forEach(m -> all[i[0]++] = m);
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int k = 0; k < count; k++) {
                int j = k + rnd.nextInt((int) size - k);
                byte[] m = all[j];
                all[j] = all[k];
                out.bulk(m);
            }
        } else {
            Map<SetValue.Entry, Boolean> seen = new IdentityHashMap<>();
            while (seen.size() < count) {
                SetValue.Entry e = s.table().fairRandom();
                if (seen.put(e, Boolean.TRUE) == null) out.bulk(e.key());
            }
        }
    }
}
