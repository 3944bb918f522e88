package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SMOVE source destination member}: notifies srem/sadd as Redis does. */
final class SMoveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("smove", "set").arity(4).flags(WRITE, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .key(KeySpec.single(2, KeySpec.RW | KeySpec.INSERT))
            .doc("Move a member from one set to another", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] srcKey = argv.get(1);
        byte[] dstKey = argv.get(2);
        byte[] member = argv.get(3);
        SetValue src = Sets.get(ctx, srcKey);
        if (src == null) {
            ctx.out().integer(0);
            return;
        }
        SetValue dst = Sets.get(ctx, dstKey);
        if (src == dst) {
            ctx.out().integer(src.contains(member) ? 1 : 0);
            return;
        }
        if (!src.remove(member)) {
            ctx.out().integer(0);
            return;
        }
        ctx.modified(srcKey, Sets.SREM);
        Sets.deleteIfEmpty(ctx, srcKey, src);
        if (dst == null) {
            dst = SetValue.createFor(member);
            ctx.db().add(dstKey, dst);
        }
        if (dst.add(member, Sets.maxIntset(ctx))) ctx.modified(dstKey, Sets.SADD);
        ctx.out().integer(1);
    }
}
