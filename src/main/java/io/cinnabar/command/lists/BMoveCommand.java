package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;

/**
 * {@code BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout} and
 * {@code BRPOPLPUSH source destination timeout}: LMOVE/RPOPLPUSH (and propagated as such), or block.
 */
final class BMoveCommand implements Command {
    static final BMoveCommand BLMOVE = new BMoveCommand("blmove", 6, "6.2.0",
            "Pop an element from a list, push it to another list and return it; or block until one is available");
    static final BMoveCommand BRPOPLPUSH = new BMoveCommand("brpoplpush", 4, "2.2.0",
            "Pop an element from a list, push it to another list and return it; or block until one is available");

    private final CommandSpec spec;
    private final boolean brpoplpush;

    private BMoveCommand(String name, int arity, String since, String summary) {
        this.spec = CommandSpec.builder(name, "list").arity(arity).flags(WRITE, DENYOOM, NOSCRIPT, BLOCKING)
                .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
                .key(KeySpec.single(2, KeySpec.RW | KeySpec.INSERT)).doc(summary, since, "O(1)").build();
        this.brpoplpush = arity == 4;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean fromHead = !brpoplpush && Lists.isLeft(argv, 3);
        boolean toHead = brpoplpush || Lists.isLeft(argv, 4);
        long timeout = Blocking.parseTimeout(argv.get(brpoplpush ? 3 : 5), ctx.now());
        byte[] src = argv.get(1);
        ListValue list = Lists.get(ctx, src);
        if (list != null) {
            Lists.move(ctx, src, argv.get(2), fromHead, toHead);
            if (brpoplpush) ctx.propagateAs(Lists.RPOPLPUSH_CMD, src, argv.get(2));
            else ctx.propagateAs(Lists.LMOVE_CMD, src, argv.get(2), argv.get(3), argv.get(4));
            return;
        }
        if (!ctx.mayBlock()) {
            ctx.out().nullBulk();
            return;
        }
        ctx.blockOnKeys(new byte[][] {src}, timeout);
    }
}
