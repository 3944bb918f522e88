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
import io.cinnabar.store.KeyEntry;

/** {@code PERSIST key}: 1 if a TTL was removed, 0 if the key is missing or has none. */
final class PersistCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("persist", "generic").arity(2).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Remove the expiration from a key", "2.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Database db = ctx.db();
        KeyEntry e = db.lookup(argv.get(1));
        if (e == null || !db.removeExpire(e)) {
            ctx.out().integer(0);
            return;
        }
        ctx.modified(argv.get(1), KeyEvent.PERSIST);
        ctx.out().integer(1);
    }
}
