package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/**
 * {@code LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]} and
 * {@code BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]} (lmpopGenericCommand);
 * a pop is propagated as LPOP/RPOP key n.
 */
final class MPopCommand implements Command {
    static final MPopCommand LMPOP = new MPopCommand("lmpop", false, "Pop elements from a list");
    static final MPopCommand BLMPOP = new MPopCommand("blmpop", true,
            "Pop elements from a list, or block until one is available");
    private static final RedisError NUMKEYS = new RedisError("ERR numkeys should be greater than 0");
    private static final RedisError COUNT = new RedisError("ERR count should be greater than 0");

    private final CommandSpec spec;
    private final boolean block;

    private MPopCommand(String name, boolean block, String summary) {
        CommandSpec.Builder b = CommandSpec.builder(name, "list").arity(block ? -5 : -4).acl(AclCategory.LIST)
                .key(KeySpec.keynum(block ? 2 : 1, 0, 1, 1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
                .doc(summary, "7.0.0", "O(N+M) where N is the number of provided keys and M is the number of "
                        + "elements returned.");
        this.spec = block ? b.flags(WRITE, BLOCKING).build() : b.flags(WRITE).build();
        this.block = block;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int numkeysIdx = block ? 2 : 1;
        long numkeys = argv.longArg(numkeysIdx, NUMKEYS);
        if (numkeys <= 0) throw NUMKEYS;
        long whereIdx = numkeysIdx + numkeys + 1;
        if (whereIdx >= argv.size()) throw Errors.SYNTAX;
        boolean head = Lists.isLeft(argv, (int) whereIdx);
        long count = -1;
        for (int j = (int) whereIdx + 1; j < argv.size(); j++) {
            if (count == -1 && argv.is(j, "count") && j + 1 < argv.size()) {
                count = argv.longArg(++j, COUNT);
                if (count <= 0) throw COUNT;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (count == -1) count = 1;
        long timeout = block ? Blocking.parseTimeout(argv.get(1), ctx.now()) : 0;
        byte[][] keys = new byte[(int) numkeys][];
        for (int i = 0; i < keys.length; i++) keys[i] = argv.get(numkeysIdx + 1 + i);
        if (Lists.tryPop(ctx, keys, head, count)) return;
        if (!block || !ctx.mayBlock()) {
            ctx.out().nullArray();
            return;
        }
        ctx.blockOnKeys(keys, timeout);
    }
}
