package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.WatchSignal;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;

/** {@code FLUSHALL [ASYNC|SYNC]}: always synchronous here (ASYNC is accepted). */
final class FlushallCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("flushall", "server").arity(-1).flags(WRITE).acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .doc("Remove all keys from all databases", "1.0.0", "O(N) where N is the total number of keys in all databases").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        FlushdbCommand.checkFlushFlags(argv);
        long removed = 0;
        WatchSignal w = ctx.server().watches();
        if (w != null) w.touchAll(-1); // before emptying: it looks at which watched keys exist
        for (Database db : ctx.server().dbs()) {
            removed += db.size();
            db.clear();
        }
        ctx.dirty(removed);
        io.cinnabar.persistence.Persistence p = ctx.server().persistence();
        if (p != null) p.afterFlushAll(); // aborts a BGSAVE; saves at once when save points are set
        // 7.0 no longer bumps dirty after the save (a FLUSHALL with save points leaves 0 changes);
        // propagation is forced below instead (forceCommandPropagation)
        io.cinnabar.command.ClientSideCaching t = ctx.server().tracking();
        if (t != null) t.flushed(); // signalFlushedDb's trackingInvalidateKeysOnFlush
        // signalFlushedDb: blocked XREADGROUP clients learn their stream is gone
        for (int i = 0; i < ctx.server().dbCount(); i++) ctx.server().blocking().signalAllKeys(i);
        ctx.propagateAs(argv);
        ctx.out().ok();
    }
}
