package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SADD key member [member ...]}: the number of members added. */
final class SAddCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sadd", "set").arity(-3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT))
            .doc("Add one or more members to a set", "1.0.0", "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        SetValue s = Sets.get(ctx, key);
        if (s == null) {
            s = SetValue.createFor(argv.get(2));
            ctx.db().add(key, s);
        }
        long max = Sets.maxIntset(ctx);
        long added = 0;
        for (int i = 2; i < argv.size(); i++) {
            if (s.add(argv.get(i), max)) added++;
        }
        if (added > 0) {
            ctx.modified(key, Sets.SADD);
            ctx.dirty(added - 1);
        }
        ctx.out().integer(added);
    }
}
