package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/**
 * {@code BLPOP|BRPOP key [key ...] timeout}: pops like LPOP/RPOP from the first non-empty list
 * (propagated as LPOP/RPOP key), or blocks; inside MULTI/scripts answers a null array at once.
 */
final class BPopCommand implements Command {
    static final BPopCommand BLPOP = new BPopCommand("blpop", true,
            "Remove and get the first element in a list, or block until one is available");
    static final BPopCommand BRPOP = new BPopCommand("brpop", false,
            "Remove and get the last element in a list, or block until one is available");

    private final CommandSpec spec;
    private final boolean head;

    private BPopCommand(String name, boolean head, String summary) {
        this.spec = CommandSpec.builder(name, "list").arity(-3).flags(WRITE, NOSCRIPT, BLOCKING)
                .acl(AclCategory.LIST).key(KeySpec.range(1, -2, 1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
                .doc(summary, "2.0.0", "O(N) where N is the number of provided keys.").build();
        this.head = head;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long timeout = Blocking.parseTimeout(argv.get(argv.size() - 1), ctx.now());
        byte[][] keys = new byte[argv.size() - 2][];
        for (int i = 0; i < keys.length; i++) keys[i] = argv.get(i + 1);
        if (Lists.tryPop(ctx, keys, head, -1)) return;
        if (!ctx.mayBlock()) {
            ctx.out().nullArray();
            return;
        }
        ctx.blockOnKeys(keys, timeout);
    }
}
