package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.MemoryEstimate;

/** {@code UNLINK key [key ...]}: DEL whose freeing Redis does in the background; the JVM's GC already does (counted in lazyfreed_objects as Redis would). */
final class UnlinkCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("unlink", "generic").arity(-2).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.range(1, -1, 1, KeySpec.RM | KeySpec.DELETE))
            .doc("Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.",
                    "4.0.0", "O(1) for each key removed regardless of its size. Then the command does O(N) work in a "
                    + "different thread in order to reclaim memory, where N is the number of allocations the deleted "
                    + "objects where composed of.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum").build();

    /** LAZYFREE_THRESHOLD. */
    private static final long LAZYFREE_THRESHOLD = 64;

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Database db = ctx.db();
        long deleted = 0;
        for (int i = 1; i < argv.size(); i++) {
            io.cinnabar.store.KeyEntry e = db.lookup(argv.get(i));
            if (e != null) {
                // dbAsyncDelete: a value that takes more than 64 frees goes to the lazyfree thread
                if (MemoryEstimate.freeEffort(e.value()) > LAZYFREE_THRESHOLD) ctx.server().stats().lazyfreedObjects++;
                db.removeEntry(e);
                ctx.modified(argv.get(i), KeyEvent.DEL);
                deleted++;
            }
        }
        ctx.out().integer(deleted);
    }
}
