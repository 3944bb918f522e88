package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.WatchSignal;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Server;

/** {@code SWAPDB index1 index2}. */
final class SwapdbCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("swapdb", "server").arity(3).flags(WRITE, FAST).acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
            .doc("Swaps two Redis databases", "4.0.0", "O(N) where N is the count of clients watching or blocking on keys from both databases.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError BAD_FIRST = new RedisError("ERR invalid first DB index");
    private static final RedisError BAD_SECOND = new RedisError("ERR invalid second DB index");

    @Override public void execute(Ctx ctx, Argv argv) {
        long a = argv.longArg(1, BAD_FIRST);
        long b = argv.longArg(2, BAD_SECOND);
        Server s = ctx.server();
        if (a < 0 || a >= s.dbCount() || b < 0 || b >= s.dbCount()) throw Errors.DB_INDEX_OUT_OF_RANGE;
        if (a != b) {
            WatchSignal w = s.watches();
            if (w != null) w.swapped((int) a, (int) b); // before swapping, as touchAllWatchedKeysInDb
            s.db((int) a).swapWith(s.db((int) b));
            // scanDatabaseForReadyKeys: clients blocked in either db may now find their key
            s.blocking().signalAllKeys((int) a);
            s.blocking().signalAllKeys((int) b);
        }
        ctx.dirty(1);
        ctx.out().ok();
    }
}
