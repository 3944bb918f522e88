package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.MutableString;
import io.cinnabar.util.Numbers;

/** {@code SETBIT key offset value}: replies with the bit's previous value. */
final class SetBitCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setbit", "bitmap").arity(4).flags(WRITE, DENYOOM)
            .acl(AclCategory.BITMAP).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Sets or clears the bit at offset in the string value stored at key", "2.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long offset = Bits.offset(ctx, argv.get(2), 0);
        long on = Numbers.parseLong(argv.get(3), Bits.BAD_BIT);
        if ((on & ~1L) != 0) throw Bits.BAD_BIT;
        boolean[] grew = new boolean[1];
        MutableString m = Bits.forWrite(ctx, argv.get(1), offset, grew);
        int index = (int) (offset >> 3);
        int bit = 7 - (int) (offset & 7);
        byte[] buf = m.buf();
        int old = (buf[index] >> bit) & 1;
        if (grew[0] || old != on) {
            buf[index] = (byte) ((buf[index] & ~(1 << bit)) | ((int) on << bit));
            ctx.modified(argv.get(1), StringEvents.SETBIT);
        }
        ctx.out().integer(old);
    }
}
