package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.StringValues;

/**
 * {@code BITOP AND|OR|XOR|NOT destkey key [key ...]}: missing keys are empty strings, shorter ones
 * zero-padded; an empty result deletes destkey.
 */
final class BitOpCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bitop", "bitmap").arity(-4).flags(WRITE, DENYOOM)
            .acl(AclCategory.BITMAP).key(KeySpec.single(2, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.range(3, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Perform bitwise operations between strings", "2.6.0", "O(N)").build();
    private static final RedisError NOT_ONE_KEY = Errors.err("BITOP NOT must be called with a single source key.");
    private static final int AND = 0, OR = 1, XOR = 2, NOT = 3;

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int op;
        if (argv.is(1, "and")) op = AND;
        else if (argv.is(1, "or")) op = OR;
        else if (argv.is(1, "xor")) op = XOR;
        else if (argv.is(1, "not")) op = NOT;
        else throw Errors.SYNTAX;
        if (op == NOT && argv.size() != 4) throw NOT_ONE_KEY;
        int n = argv.size() - 3;
        byte[][] src = new byte[n][];
        int[] len = new int[n];
        int maxLen = 0;
        for (int j = 0; j < n; j++) {
            Object v = Strings.readString(ctx, argv.get(j + 3));
            if (v == null) continue;
            src[j] = StringValues.backing(v);
            len[j] = StringValues.length(v);
            maxLen = Math.max(maxLen, len[j]);
        }
        byte[] dest = argv.get(2);
        if (maxLen == 0) {
            if (ctx.db().delete(dest)) ctx.modified(dest, KeyEvent.DEL);
            ctx.out().integer(0);
            return;
        }
        byte[] res = new byte[maxLen];
        for (int i = 0; i < maxLen; i++) {
            int out = len[0] <= i ? 0 : src[0][i];
            if (op == NOT) out = ~out;
            for (int j = 1; j < n; j++) {
                int b = len[j] <= i ? 0 : src[j][i];
                if (op == AND) out &= b;
                else if (op == OR) out |= b;
                else out ^= b;
            }
            res[i] = (byte) out;
        }
        ctx.db().set(dest, MutableString.wrap(res)); // a raw string, as Redis' createObject
        ctx.modified(dest, KeyEvent.SET_STRING);
        ctx.out().integer(maxLen);
    }
}
