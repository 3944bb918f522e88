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
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/** {@code XGROUP SETID key group id|$ [ENTRIESREAD entries-read]}. */
final class XGroupSetIdCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setid", "stream").parent("xgroup").arity(-5)
            .flags(WRITE).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set a consumer group to an arbitrary last delivered ID value.", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long[] o = XGroupCommand.options(argv, false);
        StreamValue s = XGroupCommand.stream(ctx, argv, false);
        StreamGroup g = XGroupCommand.group(s, argv);
        if (argv.size() != 5 && argv.size() != 7) throw Errors.subcommandSyntax(argv.str(1), "xgroup");
        byte[] idArg = argv.get(4);
        StreamId id = idArg.length == 1 && idArg[0] == '$' ? s.lastId() : Streams.parseId(idArg, 0, false, null);
        g.lastId = id;
        g.entriesRead = o[1];
        ctx.dirty(1);
        ctx.notify(Streams.XGROUP_SETID, argv.get(2), ctx.dbIndex());
        ctx.out().ok();
    }
}
