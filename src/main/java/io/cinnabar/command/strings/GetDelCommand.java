package io.cinnabar.command.strings;

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

/** {@code GETDEL key}: propagated as {@code DEL key}. */
final class GetDelCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getdel", "string").arity(2).flags(WRITE, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Get the value of a key and delete the key", "6.2.0", "O(1)").build();
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        Object v = Strings.readString(ctx, key);
        if (v == null) {
            ctx.out().nullBulk();
            return;
        }
        Strings.bulk(ctx, v);
        ctx.db().delete(key);
        ctx.modified(key, KeyEvent.DEL);
        ctx.propagateAs(DEL, key);
    }
}
