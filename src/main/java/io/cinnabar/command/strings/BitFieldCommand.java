package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;
import static io.cinnabar.command.CommandFlag.WRITE;

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
import io.cinnabar.util.Bitfields;

/**
 * {@code BITFIELD key [GET type offset] [SET type offset value] [INCRBY type offset incr]
 * [OVERFLOW WRAP|SAT|FAIL] ...}; {@code BITFIELD_RO key [GET type offset ...]} allows GET only.
 * Every operation is parsed before any runs; "#n" offsets are n times the type's width.
 */
final class BitFieldCommand implements Command {
    static final CommandSpec BITFIELD = CommandSpec.builder("bitfield", "bitmap").arity(-2).flags(WRITE, DENYOOM)
            .acl(AclCategory.BITMAP)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE | KeySpec.VARIABLE_FLAGS)
                    .notes("This command allows both access and modification of the key"))
            .doc("Perform arbitrary bitfield integer operations on strings", "3.2.0",
                    "O(1) for each subcommand specified").build();
    static final CommandSpec BITFIELD_RO = CommandSpec.builder("bitfield_ro", "bitmap").arity(-2)
            .flags(READONLY, FAST).acl(AclCategory.BITMAP).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD",
                    "6.0.0", "O(1) for each subcommand specified").build();
    private static final RedisError BAD_OVERFLOW = Errors.err("Invalid OVERFLOW type specified");
    private static final RedisError BAD_TYPE = Errors.err(
            "Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
    private static final RedisError RO_GET_ONLY = Errors.err("BITFIELD_RO only supports the GET subcommand");
    private static final int GET = 0, SET = 1, INCRBY = 2;

    private final boolean readOnlyCommand;

    BitFieldCommand(boolean readOnlyCommand) {
        this.readOnlyCommand = readOnlyCommand;
    }

    @Override public CommandSpec spec() {
        return readOnlyCommand ? BITFIELD_RO : BITFIELD;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int max = argv.size();
        long[] ops = new long[max * 2]; // per op: offset, value
        int[] meta = new int[max];       // per op: opcode | owtype << 2 | signed << 4 | bits << 5
        int n = 0;
        int owtype = Bitfields.WRAP;
        boolean readonly = true;
        long highest = 0;
        for (int j = 2; j < argv.size(); j++) {
            int rem = argv.size() - j - 1;
            int opcode;
            if (argv.is(j, "get") && rem >= 2) opcode = GET;
            else if (argv.is(j, "set") && rem >= 3) opcode = SET;
            else if (argv.is(j, "incrby") && rem >= 3) opcode = INCRBY;
            else if (argv.is(j, "overflow") && rem >= 1) {
                j++;
                if (argv.is(j, "wrap")) owtype = Bitfields.WRAP;
                else if (argv.is(j, "sat")) owtype = Bitfields.SAT;
                else if (argv.is(j, "fail")) owtype = Bitfields.FAIL;
                else throw BAD_OVERFLOW;
                continue;
            } else {
                throw Errors.SYNTAX;
            }
            byte[] type = argv.get(j + 1);
            boolean signed = type.length > 0 && type[0] == 'i';
            if (type.length == 0 || (!signed && type[0] != 'u')) throw BAD_TYPE;
            long bits = io.cinnabar.util.Numbers.parseLongOr(java.util.Arrays.copyOfRange(type, 1, type.length), 0);
            if (bits < 1 || bits > (signed ? 64 : 63)) throw BAD_TYPE;
            long offset = Bits.offset(ctx, argv.get(j + 2), (int) bits);
            long value = 0;
            if (opcode != GET) {
                readonly = false;
                highest = Math.max(highest, offset + bits - 1);
                value = argv.longArg(j + 3);
            }
            ops[2 * n] = offset;
            ops[2 * n + 1] = value;
            meta[n++] = opcode | owtype << 2 | (signed ? 1 : 0) << 4 | (int) bits << 5;
            j += opcode == GET ? 2 : 3;
        }
        MutableString m = null;
        Object v;
        boolean grew = false;
        if (readonly) {
            v = Strings.readString(ctx, argv.get(1));
        } else {
            if (readOnlyCommand) throw RO_GET_ONLY;
            boolean[] g = new boolean[1];
            m = Bits.forWrite(ctx, argv.get(1), highest, g);
            grew = g[0];
            v = m;
        }
        byte[] p = v == null ? null : StringValues.backing(v);
        int len = v == null ? 0 : StringValues.length(v);
        long[] limit = new long[1];
        int changes = 0;
        ctx.out().arrayHeader(n);
        for (int k = 0; k < n; k++) {
            int opcode = meta[k] & 3;
            int ow = (meta[k] >> 2) & 3;
            boolean signed = ((meta[k] >> 4) & 1) != 0;
            int bits = meta[k] >>> 5;
            long offset = ops[2 * k];
            long arg = ops[2 * k + 1];
            if (opcode == GET) {
                ctx.out().integer(signed ? Bitfields.getSigned(p, len, offset, bits)
                        : Bitfields.getUnsigned(p, len, offset, bits));
                continue;
            }
            long old = signed ? Bitfields.getSigned(p, len, offset, bits) : Bitfields.getUnsigned(p, len, offset, bits);
            long newval;
            long ret;
            int overflow;
            if (opcode == INCRBY) {
                overflow = signed ? Bitfields.checkSignedOverflow(old, arg, bits, ow, limit)
                        : Bitfields.checkUnsignedOverflow(old, arg, bits, ow, limit);
                newval = overflow != 0 ? limit[0] : old + arg;
                ret = newval;
            } else {
                overflow = signed ? Bitfields.checkSignedOverflow(arg, 0, bits, ow, limit)
                        : Bitfields.checkUnsignedOverflow(arg, 0, bits, ow, limit);
                newval = overflow != 0 ? limit[0] : arg;
                ret = old;
            }
            if (overflow != 0 && ow == Bitfields.FAIL) {
                ctx.out().nullBulk();
                continue;
            }
            ctx.out().integer(ret);
            Bitfields.set(p, offset, bits, newval);
            if (grew || old != newval) changes++;
        }
        if (changes > 0) {
            ctx.modified(argv.get(1), StringEvents.SETBIT);
            ctx.dirty(changes - 1);
        }
    }
}
