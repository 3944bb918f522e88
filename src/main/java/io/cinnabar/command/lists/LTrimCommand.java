package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;

/** {@code LTRIM key start stop}. */
final class LTrimCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("ltrim", "list").arity(4).flags(WRITE)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Trim a list to the specified range", "1.0.0",
                    "O(N) where N is the number of elements to be removed by the operation.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long start = argv.longArg(2);
        long end = argv.longArg(3);
        byte[] key = argv.get(1);
        ListValue list = Lists.get(ctx, key);
        if (list == null) {
            ctx.out().ok();
            return;
        }
        long len = list.size();
        if (start < 0) start = len + start;
        if (end < 0) end = len + end;
        if (start < 0) start = 0;
        long removed;
        if (start > end || start >= len) {
            removed = len;
            list.clear();
        } else {
            if (end >= len) end = len - 1;
            removed = len - (end - start + 1);
            list.retain((int) start, (int) end);
        }
        // Redis: "ltrim" always, then "del" if emptied; dirty counts the removed elements
        ctx.notify(Lists.LTRIM, key, ctx.dbIndex());
        Lists.deleteIfEmpty(ctx, key, list);
        ctx.signalModified(ctx.dbIndex(), key);
        ctx.dirty(removed);
        ctx.out().ok();
    }
}
