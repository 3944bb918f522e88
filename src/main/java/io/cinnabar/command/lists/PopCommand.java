package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.ListValue;

/** {@code LPOP|RPOP key [count]} (Redis' popGenericCommand). */
final class PopCommand implements Command {
    static final PopCommand LPOP = new PopCommand("lpop", true, "Remove and get the first elements in a list");
    static final PopCommand RPOP = new PopCommand("rpop", false, "Remove and get the last elements in a list");
    static final RedisError MUST_BE_POSITIVE = new RedisError("ERR value is out of range, must be positive");

    private final CommandSpec spec;
    private final boolean head;

    private PopCommand(String name, boolean head, String summary) {
        this.spec = CommandSpec.builder(name, "list").arity(-2).flags(WRITE, FAST).acl(AclCategory.LIST)
                .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
                .doc(summary, "1.0.0", "O(N) where N is the number of elements returned").build();
        this.head = head;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.wrongArity(spec.fullName());
        boolean hasCount = argv.size() == 3;
        long count = 0;
        if (hasCount) {
            count = argv.longArg(2, MUST_BE_POSITIVE);
            if (count < 0) throw MUST_BE_POSITIVE;
        }
        byte[] key = argv.get(1);
        RespOut out = ctx.out();
        ListValue list = Lists.get(ctx, key);
        if (list == null) {
            if (hasCount) out.nullArray();
            else out.nullBulk();
            return;
        }
        if (hasCount && count == 0) {
            out.emptyArray();
            return;
        }
        if (!hasCount) {
            out.bulk(head ? list.popHead() : list.popTail());
            Lists.removed(ctx, key, list, head, 1);
        } else {
            long n = Lists.popRange(out, list, head, count);
            Lists.removed(ctx, key, list, head, n);
        }
    }
}
