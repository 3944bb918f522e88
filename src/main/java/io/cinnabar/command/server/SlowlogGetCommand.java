package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;

/** {@code SLOWLOG GET [count]}: newest first; -1 for all. */
final class SlowlogGetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("get", "server").parent("slowlog").arity(-2).flags(ADMIN, LOADING, STALE)
            .tips("request_policy:all_nodes", "nondeterministic_output")
            .doc("Get the slow log's entries", "2.2.12", "O(N) where N is the number of entries returned").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError BAD_COUNT = new RedisError("ERR count should be greater than or equal to -1");

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.subcommandSyntax("get", "slowlog");
        var entries = ctx.server().slowlog().entries();
        long count = 10;
        if (argv.size() == 3) {
            count = argv.longArg(2, BAD_COUNT);
            if (count < -1) throw BAD_COUNT;
            if (count == -1) count = entries.size();
        }
        RespOut out = ctx.out();
        int n = (int) Math.min(count, entries.size());
        out.arrayHeader(n);
        var it = entries.iterator();
        for (int i = 0; i < n; i++) {
            io.cinnabar.server.SlowLog.Entry e = it.next();
            out.arrayHeader(6);
            out.integer(e.id());
            out.integer(e.timeSec());
            out.integer(e.micros());
            out.bulkArray(e.argv());
            out.bulk(e.addr());
            out.bulk(e.name());
        }
    }
}
