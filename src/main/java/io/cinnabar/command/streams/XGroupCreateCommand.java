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

/** {@code XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD entries-read]}. */
final class XGroupCreateCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("create", "stream").parent("xgroup").arity(-5)
            .flags(WRITE, DENYOOM).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RW | KeySpec.INSERT))
            .doc("Create a consumer group.", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long[] o = XGroupCommand.options(argv, true);
        StreamValue s = XGroupCommand.stream(ctx, argv, o[0] == 1);
        if (argv.size() > 8) throw Errors.subcommandSyntax(argv.str(1), "xgroup");
        byte[] idArg = argv.get(4);
        StreamId id;
        if (idArg.length == 1 && idArg[0] == '$') id = s == null ? StreamId.ZERO : s.lastId();
        else id = Streams.parseStrict(idArg);
        byte[] key = argv.get(2);
        if (s == null) {
            s = new StreamValue();
            ctx.db().add(key, s);
            ctx.signalModified(ctx.dbIndex(), key);
        }
        if (s.createGroup(argv.get(3), id, o[1]) == null) {
            throw new RedisError("BUSYGROUP Consumer Group name already exists");
        }
        ctx.dirty(1);
        ctx.notify(Streams.XGROUP_CREATE, key, ctx.dbIndex());
        ctx.out().ok();
    }
}
