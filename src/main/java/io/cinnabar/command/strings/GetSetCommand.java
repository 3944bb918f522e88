package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import java.nio.charset.StandardCharsets;

/** {@code GETSET key value}: clears the TTL; propagated as {@code SET key value}. */
final class GetSetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getset", "string").arity(3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Set the string value of a key and return its old value", "1.0.0", "O(1)").build();
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        Object old = Strings.readString(ctx, key);
        if (old == null) ctx.out().nullBulk();
        else Strings.bulk(ctx, old);
        ctx.db().set(key, argv.get(2));
        ctx.modified(key, KeyEvent.SET_STRING);
        ctx.propagateAs(SET, key, argv.get(2));
    }
}
