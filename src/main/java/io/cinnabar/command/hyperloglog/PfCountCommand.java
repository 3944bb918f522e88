package io.cinnabar.command.hyperloglog;

import static io.cinnabar.command.CommandFlag.MAY_REPLICATE;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.command.strings.Strings;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HyperLogLog;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;

/**
 * {@code PFCOUNT key [key ...]}: one key answers from (or refreshes) the cached cardinality in the
 * header, which counts as a change to propagate as Redis does; several keys count their union.
 */
final class PfCountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pfcount", "hyperloglog").arity(-2).flags(READONLY, MAY_REPLICATE)
            .acl(AclCategory.HYPERLOGLOG)
            .key(KeySpec.range(1, -1, 1, KeySpec.RW | KeySpec.ACCESS).notes(
                    "RW because it may change the internal representation of the key, and propagate to replicas"))
            .doc("Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).", "2.8.9",
                    "O(1) with a very small average constant time when called with a single key. O(N) with N being "
                    + "the number of keys, and much bigger constant times, when called with multiple keys.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 2) {
            byte[] max = new byte[HyperLogLog.REGISTERS];
            if (!Hlls.mergeInto(ctx, max, argv, 1, null)) throw Hlls.INVALID;
            ctx.out().integer(HyperLogLog.countRaw(max));
            return;
        }
        byte[] key = argv.get(1);
        if (Strings.lookupRead(ctx, key) == null) {
            ctx.out().integer(0);
            return;
        }
        KeyEntry e = ctx.db().peek(key);
        Hlls.check(e.value());
        MutableString s = Strings.unshare(e);
        byte[] b = s.buf();
        long card;
        if (HyperLogLog.cacheValid(b)) {
            card = HyperLogLog.cachedCard(b);
        } else {
            card = HyperLogLog.count(b, s.length());
            if (card < 0) throw Hlls.INVALID;
            HyperLogLog.setCachedCard(b, card);
            ctx.signalModified(ctx.dbIndex(), key);
            ctx.dirty(1);
            ctx.propagateAs(argv); // a read-only command, yet Redis replays it to keep the cached value in step
        }
        ctx.out().integer(card);
    }
}
