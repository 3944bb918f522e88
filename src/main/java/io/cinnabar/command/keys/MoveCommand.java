package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;

/** {@code MOVE key db}: 1 if moved, 0 if missing here or present there; the TTL moves too. */
final class MoveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("move", "generic").arity(3).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Move a key to another database", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int dstId = Renames.dbIndex(ctx, argv.get(2));
        int srcId = ctx.dbIndex();
        if (dstId == srcId) throw Errors.SAME_OBJECT;
        byte[] key = argv.get(1);
        Database src = ctx.db();
        Database dst = ctx.server().db(dstId);
        KeyEntry e = src.lookup(key);
        if (e == null || dst.lookup(key) != null) {
            ctx.out().integer(0);
            return;
        }
        long expireAt = e.expireAt();
        src.removeEntry(e);
        KeyEntry moved = dst.add(key, e.value());
        moved.lru(e.lru());
        if (expireAt != 0) dst.setExpire(moved, expireAt);
        ctx.signalModified(srcId, key);
        ctx.signalModified(dstId, key);
        ctx.notify(KeyEvent.MOVE_FROM, key, srcId);
        ctx.notify(KeyEvent.MOVE_TO, key, dstId);
        ctx.dirty(1);
        ctx.out().integer(1);
    }
}
