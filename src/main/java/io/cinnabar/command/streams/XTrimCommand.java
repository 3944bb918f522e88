package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/** {@code XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]}; an approximate trim replays exactly. */
final class XTrimCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xtrim", "stream").arity(-4).flags(WRITE)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Trims the stream to (approximately if '~' is passed) a certain size", "5.0.0", "O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.")
            .tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        TrimArgs a = TrimArgs.parse(ctx, argv, false);
        byte[] key = argv.get(1);
        StreamValue s = Streams.lookup(ctx, key);
        if (s == null) {
            ctx.out().integer(0);
            return;
        }
        long deleted = a.trim(s);
        if (deleted > 0) {
            ctx.modified(key, Streams.XTRIM);
            ctx.dirty(deleted - 1);
            if (a.approx) {
                byte[][] args = argv.toArray();
                a.rewriteForPropagation(args, s);
                ctx.propagateAs(args);
            }
        }
        ctx.out().integer(deleted);
    }
}
