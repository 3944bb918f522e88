package io.cinnabar.command.strings;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/**
 * The expiry and condition options shared by SET and GETEX (Redis' parseExtendedStringArgumentsOrReply):
 * NX, XX, GET, KEEPTTL, EX, PX, EXAT, PXAT, PERSIST. The expiry is resolved to absolute milliseconds.
 */
final class SetOptions {
    /** No options given (a plain SET, the common case): shared, never written to. */
    private static final SetOptions NONE = new SetOptions();

    boolean nx;
    boolean xx;
    boolean get;
    boolean keepTtl;
    boolean persist;
    /** Absolute expiry in ms, 0 = none. */
    long expireAt;
    /** True when PXAT was given (no rewrite needed for propagation). */
    boolean absoluteMillis;
    /** True when EXAT or PXAT was given (GETEX deletes the key when that time has passed). */
    boolean absolute;

    /**
     * @param forSet true for SET (NX/XX/GET/KEEPTTL allowed), false for GETEX (PERSIST allowed)
     */
    static SetOptions parse(Ctx ctx, Argv argv, int from, boolean forSet, String cmdName) {
        if (argv.size() <= from) return NONE;
        SetOptions o = new SetOptions();
        String unit = null;
        byte[] expireArg = null;
        for (int j = from; j < argv.size(); j++) {
            boolean hasNext = j + 1 < argv.size();
            if (forSet && argv.is(j, "nx") && !o.xx) {
                o.nx = true;
            } else if (forSet && argv.is(j, "xx") && !o.nx) {
                o.xx = true;
            } else if (forSet && argv.is(j, "get")) {
                o.get = true;
            } else if (forSet && argv.is(j, "keepttl") && unit == null) {
                o.keepTtl = true;
            } else if (!forSet && argv.is(j, "persist") && unit == null) {
                o.persist = true;
            } else if ((argv.is(j, "ex") || argv.is(j, "px") || argv.is(j, "exat") || argv.is(j, "pxat"))
                    && unit == null && !o.keepTtl && !o.persist && hasNext) {
                unit = argv.str(j).toLowerCase(java.util.Locale.ROOT);
                expireArg = argv.get(++j);
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (unit != null) {
            long v = io.cinnabar.util.Numbers.parseLong(expireArg, Errors.NOT_INTEGER);
            boolean seconds = unit.equals("ex") || unit.equals("exat");
            if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) throw Errors.invalidExpireTime(cmdName);
            long ms = seconds ? v * 1000 : v;
            if (unit.equals("ex") || unit.equals("px")) {
                long now = ctx.now();
                if (ms > Long.MAX_VALUE - now) throw Errors.invalidExpireTime(cmdName);
                ms += now;
            }
            o.expireAt = ms;
            o.absoluteMillis = unit.equals("pxat");
            o.absolute = unit.equals("exat") || o.absoluteMillis;
        }
        return o;
    }
}
