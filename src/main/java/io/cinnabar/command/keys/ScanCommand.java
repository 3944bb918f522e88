package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.util.ArrayList;

/**
 * {@code SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]}. As Redis, COUNT bounds the
 * entries visited (expired and non-matching ones included), which are filtered afterwards;
 * expired keys met are deleted, their DELs propagated one by one (no MULTI: the command touches
 * arbitrary keys).
 */
final class ScanCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("scan", "generic").arity(-2).flags(READONLY)
            .acl(AclCategory.KEYSPACE).doc("Incrementally iterate the keys space", "2.8.0",
                    "O(1) for every call. O(N) for a complete iteration, including enough command calls for the "
                    + "cursor to return back to 0. N is the number of elements inside the collection.")
            .tips("nondeterministic_output", "request_policy:special").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long cursor = ScanArgs.parseCursor(argv.get(1));
        ScanArgs args = ScanArgs.parseOptions(argv, 2, true);
        Database db = ctx.db();
        ArrayList<KeyEntry> visited = new ArrayList<>((int) Math.min(args.count(), 1024));
        long iterations = args.maxIterations();
        do {
            cursor = db.scan(cursor, visited::add);
        } while (cursor != 0 && iterations-- > 0 && visited.size() < args.count());
        int kept = 0;
        for (int i = 0; i < visited.size(); i++) {
            KeyEntry e = visited.get(i);
            if (!args.matches(e.key())) continue;
            if (args.type() != null) {
                KeyEntry live = db.peek(e.key());
                if (!args.typeMatches(live == null ? "none" : live.type().label())) continue;
            }
            if (db.peek(e.key()) == null) continue; // expired: deleted now, like expireIfNeeded
            visited.set(kept++, e);
        }
        ctx.server().propagator().noTransaction();
        RespOut out = ctx.out();
        ScanArgs.replyHeader(out, cursor, kept);
        for (int i = 0; i < kept; i++) out.bulk(visited.get(i).key());
    }
}
