package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.WatchSignal;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;

/** {@code FLUSHDB [ASYNC|SYNC]}: always synchronous here (ASYNC is accepted). */
final class FlushdbCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("flushdb", "server").arity(-1).flags(WRITE).acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .doc("Remove all keys from the current database", "1.0.0", "O(N) where N is the number of keys in the selected database").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        checkFlushFlags(argv);
        Database db = ctx.db();
        long removed = db.size();
        WatchSignal w = ctx.server().watches();
        if (w != null) w.touchAll(db.id()); // before emptying: it looks at which watched keys exist
        db.clear();
        ctx.dirty(removed);
        io.cinnabar.command.ClientSideCaching t = ctx.server().tracking();
        if (t != null) t.flushed(); // signalFlushedDb's trackingInvalidateKeysOnFlush
        ctx.server().blocking().signalAllKeys(db.id()); // blocked XREADGROUP clients learn their stream is gone
        ctx.propagateAs(argv); // propagated even when the db was empty (forceCommandPropagation)
        ctx.out().ok();
    }

    /** getFlushCommandFlags: at most one argument, SYNC or ASYNC. */
    static void checkFlushFlags(Argv argv) {
        if (argv.size() > 2) throw Errors.SYNTAX;
        if (argv.size() == 2 && !argv.is(1, "sync") && !argv.is(1, "async")) throw Errors.SYNTAX;
    }
}
