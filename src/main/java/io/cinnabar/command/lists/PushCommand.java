package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;

/** {@code LPUSH|RPUSH|LPUSHX|RPUSHX key element [element ...]} (Redis' pushGenericCommand). */
final class PushCommand implements Command {
    static final String COMPLEXITY = "O(1) for each element added, so O(N) to add N elements when the command is "
            + "called with multiple arguments.";
    static final PushCommand LPUSH = new PushCommand("lpush", true, false,
            "Prepend one or multiple elements to a list", "1.0.0");
    static final PushCommand RPUSH = new PushCommand("rpush", false, false,
            "Append one or multiple elements to a list", "1.0.0");
    static final PushCommand LPUSHX = new PushCommand("lpushx", true, true,
            "Prepend an element to a list, only if the list exists", "2.2.0");
    static final PushCommand RPUSHX = new PushCommand("rpushx", false, true,
            "Append an element to a list, only if the list exists", "2.2.0");

    private final CommandSpec spec;
    private final boolean head;
    private final boolean xx;

    private PushCommand(String name, boolean head, boolean xx, String summary, String since) {
        this.spec = CommandSpec.builder(name, "list").arity(-3).flags(WRITE, DENYOOM, FAST).acl(AclCategory.LIST)
                .key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT)).doc(summary, since, COMPLEXITY).build();
        this.head = head;
        this.xx = xx;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        ListValue list = Lists.get(ctx, key);
        if (list == null) {
            if (xx) {
                ctx.out().integer(0);
                return;
            }
            list = new ListValue();
            ctx.db().add(key, list);
        }
        int n = argv.size() - 2;
        if (head) {
            for (int i = 2; i < argv.size(); i++) list.pushHead(argv.get(i));
        } else {
            list.ensureCapacity(list.length() + n);
            for (int i = 2; i < argv.size(); i++) list.pushTail(argv.get(i));
        }
        ctx.out().integer(list.size());
        ctx.modified(key, head ? Lists.LPUSH : Lists.RPUSH);
        ctx.dirty(n - 1);
    }
}
