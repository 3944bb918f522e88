package org.luaj.vm2;

import org.luaj.vm2.lib.MathLib;

/**
 * Cinnabar's replacement for LuaJ 3.0.1's class of the same name (it comes first on the class
 * path): the same API and arithmetic, but a number becomes a string as Lua 5.1 does it with
 * LUAI_NUMFFORMAT "%.14g" (tostring, {@code ..}, string coercion: 0.0003 stays "0.0003" and
 * 1234567.891 keeps its digits), where LuaJ used Java's float formatting ("3.0E-4",
 * "1234567.9"). Redis' scripts build keys and values with {@code ..}, so this matters.
 */
public class LuaDouble extends LuaNumber {
    public static final LuaDouble NAN = new LuaDouble(Double.NaN);
    public static final LuaDouble POSINF = new LuaDouble(Double.POSITIVE_INFINITY);
    public static final LuaDouble NEGINF = new LuaDouble(Double.NEGATIVE_INFINITY);
    public static final String JSTR_NAN = "nan";
    public static final String JSTR_POSINF = "inf";
    public static final String JSTR_NEGINF = "-inf";

    final double v;

    /** An integral value in int range is a LuaInteger, anything else a LuaDouble. */
    public static LuaNumber valueOf(double d) {
        int id = (int) d;
        return d == id ? (LuaNumber) LuaInteger.valueOf(id) : new LuaDouble(d);
    }

    private LuaDouble(double d) {
        this.v = d;
    }

    @Override public int hashCode() {
        long l = Double.doubleToLongBits(v + 1);
        return ((int) (l >> 32)) + (int) l;
    }

    @Override public boolean islong() {
        return v == (long) v;
    }

    @Override public byte tobyte() {
        return (byte) (long) v;
    }

    @Override public char tochar() {
        return (char) (long) v;
    }

    @Override public double todouble() {
        return v;
    }

    @Override public float tofloat() {
        return (float) v;
    }

    @Override public int toint() {
        return (int) (long) v;
    }

    @Override public long tolong() {
        return (long) v;
    }

    @Override public short toshort() {
        return (short) (long) v;
    }

    @Override public double optdouble(double defval) {
        return v;
    }

    @Override public int optint(int defval) {
        return (int) (long) v;
    }

    @Override public LuaInteger optinteger(LuaInteger defval) {
        return LuaInteger.valueOf((int) (long) v);
    }

    @Override public long optlong(long defval) {
        return (long) v;
    }

    @Override public LuaInteger checkinteger() {
        return LuaInteger.valueOf((int) (long) v);
    }

    @Override public LuaValue neg() {
        return valueOf(-v);
    }

    @Override public boolean equals(Object o) {
        return o instanceof LuaDouble && ((LuaDouble) o).v == v;
    }

    @Override public LuaValue eq(LuaValue val) {
        return val.raweq(v) ? TRUE : FALSE;
    }

    @Override public boolean eq_b(LuaValue val) {
        return val.raweq(v);
    }

    @Override public boolean raweq(LuaValue val) {
        return val.raweq(v);
    }

    @Override public boolean raweq(double val) {
        return v == val;
    }

    @Override public boolean raweq(int val) {
        return v == val;
    }

    // ---- arithmetic: double dispatch, as LuaJ ----

    @Override public LuaValue add(LuaValue rhs) {
        return rhs.add(v);
    }

    @Override public LuaValue add(double lhs) {
        return valueOf(lhs + v);
    }

    @Override public LuaValue sub(LuaValue rhs) {
        return rhs.subFrom(v);
    }

    @Override public LuaValue sub(double rhs) {
        return valueOf(v - rhs);
    }

    @Override public LuaValue sub(int rhs) {
        return valueOf(v - rhs);
    }

    @Override public LuaValue subFrom(double lhs) {
        return valueOf(lhs - v);
    }

    @Override public LuaValue mul(LuaValue rhs) {
        return rhs.mul(v);
    }

    @Override public LuaValue mul(double lhs) {
        return valueOf(lhs * v);
    }

    @Override public LuaValue mul(int lhs) {
        return valueOf(lhs * v);
    }

    @Override public LuaValue pow(LuaValue rhs) {
        return rhs.powWith(v);
    }

    @Override public LuaValue pow(double rhs) {
        return MathLib.dpow(v, rhs);
    }

    @Override public LuaValue pow(int rhs) {
        return MathLib.dpow(v, rhs);
    }

    @Override public LuaValue powWith(double lhs) {
        return MathLib.dpow(lhs, v);
    }

    @Override public LuaValue powWith(int lhs) {
        return MathLib.dpow(lhs, v);
    }

    @Override public LuaValue div(LuaValue rhs) {
        return rhs.divInto(v);
    }

    @Override public LuaValue div(double rhs) {
        return ddiv(v, rhs);
    }

    @Override public LuaValue div(int rhs) {
        return ddiv(v, rhs);
    }

    @Override public LuaValue divInto(double lhs) {
        return ddiv(lhs, v);
    }

    @Override public LuaValue mod(LuaValue rhs) {
        return rhs.modFrom(v);
    }

    @Override public LuaValue mod(double rhs) {
        return dmod(v, rhs);
    }

    @Override public LuaValue mod(int rhs) {
        return dmod(v, rhs);
    }

    @Override public LuaValue modFrom(double lhs) {
        return dmod(lhs, v);
    }

    /** Division with Lua's results for a zero divisor: inf, -inf, or nan for 0/0. */
    public static LuaValue ddiv(double lhs, double rhs) {
        return rhs != 0 ? valueOf(lhs / rhs) : lhs > 0 ? POSINF : lhs == 0 ? NAN : NEGINF;
    }

    public static double ddiv_d(double lhs, double rhs) {
        return rhs != 0 ? lhs / rhs : lhs > 0 ? Double.POSITIVE_INFINITY : lhs == 0 ? Double.NaN
                : Double.NEGATIVE_INFINITY;
    }

    /** Lua's modulo: a - floor(a/b)*b, nan for a zero divisor. */
    public static LuaValue dmod(double lhs, double rhs) {
        return rhs != 0 ? valueOf(lhs - rhs * Math.floor(lhs / rhs)) : NAN;
    }

    public static double dmod_d(double lhs, double rhs) {
        return rhs != 0 ? lhs - rhs * Math.floor(lhs / rhs) : Double.NaN;
    }

    // ---- comparisons ----

    @Override public LuaValue lt(LuaValue rhs) {
        return rhs.gt_b(v) ? LuaValue.TRUE : FALSE;
    }

    @Override public LuaValue lt(double rhs) {
        return v < rhs ? TRUE : FALSE;
    }

    @Override public LuaValue lt(int rhs) {
        return v < rhs ? TRUE : FALSE;
    }

    @Override public boolean lt_b(LuaValue rhs) {
        return rhs.gt_b(v);
    }

    @Override public boolean lt_b(int rhs) {
        return v < rhs;
    }

    @Override public boolean lt_b(double rhs) {
        return v < rhs;
    }

    @Override public LuaValue lteq(LuaValue rhs) {
        return rhs.gteq_b(v) ? LuaValue.TRUE : FALSE;
    }

    @Override public LuaValue lteq(double rhs) {
        return v <= rhs ? TRUE : FALSE;
    }

    @Override public LuaValue lteq(int rhs) {
        return v <= rhs ? TRUE : FALSE;
    }

    @Override public boolean lteq_b(LuaValue rhs) {
        return rhs.gteq_b(v);
    }

    @Override public boolean lteq_b(int rhs) {
        return v <= rhs;
    }

    @Override public boolean lteq_b(double rhs) {
        return v <= rhs;
    }

    @Override public LuaValue gt(LuaValue rhs) {
        return rhs.lt_b(v) ? LuaValue.TRUE : FALSE;
    }

    @Override public LuaValue gt(double rhs) {
        return v > rhs ? TRUE : FALSE;
    }

    @Override public LuaValue gt(int rhs) {
        return v > rhs ? TRUE : FALSE;
    }

    @Override public boolean gt_b(LuaValue rhs) {
        return rhs.lt_b(v);
    }

    @Override public boolean gt_b(int rhs) {
        return v > rhs;
    }

    @Override public boolean gt_b(double rhs) {
        return v > rhs;
    }

    @Override public LuaValue gteq(LuaValue rhs) {
        return rhs.lteq_b(v) ? LuaValue.TRUE : FALSE;
    }

    @Override public LuaValue gteq(double rhs) {
        return v >= rhs ? TRUE : FALSE;
    }

    @Override public LuaValue gteq(int rhs) {
        return v >= rhs ? TRUE : FALSE;
    }

    @Override public boolean gteq_b(LuaValue rhs) {
        return rhs.lteq_b(v);
    }

    @Override public boolean gteq_b(int rhs) {
        return v >= rhs;
    }

    @Override public boolean gteq_b(double rhs) {
        return v >= rhs;
    }

    @Override public int strcmp(LuaString rhs) {
        typerror("attempt to compare number with string");
        return 0;
    }

    // ---- strings: Lua 5.1's "%.14g" ----

    @Override public String tojstring() {
        if (Double.isNaN(v)) return "-nan"; // x86's default NaN, as redis-server prints 0/0
        if (Double.isInfinite(v)) return v < 0 ? JSTR_NEGINF : JSTR_POSINF;
        if (v == Math.rint(v) && Math.abs(v) < 1e14) return Long.toString((long) v);
        return io.cinnabar.util.Numbers.formatG(v, 14);
    }

    @Override public LuaString strvalue() {
        return LuaString.valueOf(tojstring());
    }

    @Override public LuaString optstring(LuaString defval) {
        return LuaString.valueOf(tojstring());
    }

    @Override public LuaValue tostring() {
        return LuaString.valueOf(tojstring());
    }

    @Override public String optjstring(String defval) {
        return tojstring();
    }

    @Override public LuaNumber optnumber(LuaNumber defval) {
        return this;
    }

    @Override public boolean isnumber() {
        return true;
    }

    @Override public boolean isstring() {
        return true;
    }

    @Override public LuaValue tonumber() {
        return this;
    }

    @Override public int checkint() {
        return (int) (long) v;
    }

    @Override public long checklong() {
        return (long) v;
    }

    @Override public LuaNumber checknumber() {
        return this;
    }

    @Override public double checkdouble() {
        return v;
    }

    @Override public String checkjstring() {
        return tojstring();
    }

    @Override public LuaString checkstring() {
        return LuaString.valueOf(tojstring());
    }

    @Override public boolean isvalidkey() {
        return !Double.isNaN(v);
    }
}
