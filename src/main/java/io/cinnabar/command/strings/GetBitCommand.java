package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.StringValues;

/** {@code GETBIT key offset}: bits past the end read as 0. */
final class GetBitCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getbit", "bitmap").arity(3).flags(READONLY, FAST)
            .acl(AclCategory.BITMAP).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Returns the bit value at offset in the string value stored at key", "2.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long offset = Bits.offset(ctx, argv.get(2), 0);
        Object v = Strings.readString(ctx, argv.get(1));
        long index = offset >> 3;
        int bit = 0;
        if (v != null && index < StringValues.length(v)) {
            bit = (StringValues.backing(v)[(int) index] >> (7 - (int) (offset & 7))) & 1;
        }
        ctx.out().integer(bit);
    }
}
