package io.cinnabar.scripting;

import static org.luaj.vm2.Lua.GETARG_A;
import static org.luaj.vm2.Lua.GETARG_B;
import static org.luaj.vm2.Lua.GETARG_C;
import static org.luaj.vm2.Lua.GETARG_sBx;
import static org.luaj.vm2.Lua.GET_OPCODE;
import static org.luaj.vm2.Lua.INDEXK;
import static org.luaj.vm2.Lua.ISK;
import static org.luaj.vm2.Lua.OP_ADD;
import static org.luaj.vm2.Lua.OP_CALL;
import static org.luaj.vm2.Lua.OP_CONCAT;
import static org.luaj.vm2.Lua.OP_GETTABLE;
import static org.luaj.vm2.Lua.OP_GETTABUP;
import static org.luaj.vm2.Lua.OP_GETUPVAL;
import static org.luaj.vm2.Lua.OP_JMP;
import static org.luaj.vm2.Lua.OP_LE;
import static org.luaj.vm2.Lua.OP_LEN;
import static org.luaj.vm2.Lua.OP_LOADNIL;
import static org.luaj.vm2.Lua.OP_LT;
import static org.luaj.vm2.Lua.OP_MOVE;
import static org.luaj.vm2.Lua.OP_POW;
import static org.luaj.vm2.Lua.OP_SELF;
import static org.luaj.vm2.Lua.OP_SETTABLE;
import static org.luaj.vm2.Lua.OP_SETTABUP;
import static org.luaj.vm2.Lua.OP_TAILCALL;
import static org.luaj.vm2.Lua.OP_TEST;
import static org.luaj.vm2.Lua.OP_TFORCALL;
import static org.luaj.vm2.Lua.OP_UNM;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Lua 5.1's runtime error texts from LuaJ's (ldebug.c luaG_typeerror, luaG_concaterror,
 * luaG_aritherror, luaG_ordererror): "attempt to call nil" becomes "attempt to call field 'f'
 * (a nil value)", naming the culprit as getobjname does from the failing instruction, the
 * function's local names and the instruction that loaded the register.
 */
final class LuaErrorText {
    private LuaErrorText() {}

    /** The Lua 5.1 text of LuaJ's message {@code m}, raised at {@code pc} of {@code p} with {@code stack}. */
    static String rewrite(String m, Prototype p, int pc, LuaValue[] stack) {
        if (!m.startsWith("attempt to ")) return m;
        int i = p != null && pc >= 0 && pc < p.code.length ? p.code[pc] : 0;
        int op = p != null && pc >= 0 && pc < p.code.length ? GET_OPCODE(i) : -1;
        if (m.startsWith("attempt to call ")) {
            String type = m.substring("attempt to call ".length());
            String who = op == OP_CALL || op == OP_TAILCALL ? describe(p, pc, GETARG_A(i)) : null;
            return typeError("call", who, type);
        }
        if (m.startsWith("attempt to index ? (a ") && m.endsWith(" value)")) {
            String type = m.substring("attempt to index ? (a ".length(), m.length() - " value)".length());
            String who = null;
            if (op == OP_GETTABLE || op == OP_SELF) who = describe(p, pc, GETARG_B(i));
            else if (op == OP_SETTABLE) who = describe(p, pc, GETARG_A(i));
            else if (op == OP_GETTABUP) who = upvalue(p, GETARG_B(i));
            else if (op == OP_SETTABUP) who = upvalue(p, GETARG_A(i));
            return typeError("index", who, type);
        }
        if (m.startsWith("attempt to get length of ")) {
            String type = m.substring("attempt to get length of ".length());
            return typeError("get length of", op == OP_LEN ? describe(p, pc, GETARG_B(i)) : null, type);
        }
        if (m.startsWith("attempt to perform arithmetic")) {
            if (op >= OP_ADD && op <= OP_POW && stack != null) {
                int b = GETARG_B(i);
                int c = GETARG_C(i);
                int culprit = numeric(rk(p, stack, b)) ? c : b;
                String who = ISK(culprit) ? null : describe(p, pc, culprit);
                return typeError("perform arithmetic on", who, rk(p, stack, culprit).typename());
            }
            if (op == OP_UNM && stack != null) {
                int b = GETARG_B(i);
                return typeError("perform arithmetic on", describe(p, pc, b), stack[b].typename());
            }
            return m;
        }
        if (m.startsWith("attempt to concatenate") && op == OP_CONCAT && stack != null) {
            int b = GETARG_B(i);
            int c = GETARG_C(i);
            // luaV_concat works from the top pair down; luaG_concaterror blames the first operand
            // that is neither string nor number
            int culprit = -1;
            if (!strnum(stack[c - 1])) culprit = c - 1;
            else if (!strnum(stack[c])) culprit = c;
            else for (int r = c - 2; r >= b && culprit < 0; r--) if (!strnum(stack[r])) culprit = r;
            if (culprit >= 0) return typeError("concatenate", describe(p, pc, culprit), stack[culprit].typename());
            return m;
        }
        if (m.startsWith("attempt to compare") && (op == OP_LT || op == OP_LE) && stack != null) {
            String t1 = rk(p, stack, GETARG_B(i)).typename();
            String t2 = rk(p, stack, GETARG_C(i)).typename();
            return t1.equals(t2) ? "attempt to compare two " + t1 + " values" : "attempt to compare " + t1 + " with " + t2;
        }
        return m;
    }

    private static String typeError(String what, String who, String type) {
        return who != null ? "attempt to " + what + " " + who + " (a " + type + " value)"
                : "attempt to " + what + " a " + type + " value";
    }

    private static LuaValue rk(Prototype p, LuaValue[] stack, int x) {
        LuaValue v = ISK(x) ? p.k[INDEXK(x)] : x < stack.length ? stack[x] : null;
        return v == null ? LuaValue.NIL : v;
    }

    private static boolean numeric(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || (v.type() == LuaValue.TSTRING && !v.tonumber().isnil());
    }

    private static boolean strnum(LuaValue v) {
        return v != null && (v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER);
    }

    private static String upvalue(Prototype p, int uv) {
        if (p.upvalues == null || uv >= p.upvalues.length || p.upvalues[uv].name == null) return null;
        String n = p.upvalues[uv].name.tojstring();
        return n.equals("_ENV") ? null : "upvalue '" + n + "'";
    }

    /** getobjname: "local 'x'", "global 'x'", "field 'x'", "method 'x'", "upvalue 'x'" or null. */
    static String describe(Prototype p, int pc, int reg) {
        if (p == null) return null;
        LuaString local = p.getlocalname(reg + 1, pc);
        if (local != null) return "local '" + local.tojstring() + "'";
        int at = findSetReg(p, pc, reg);
        if (at < 0) return null;
        int i = p.code[at];
        switch (GET_OPCODE(i)) {
            case OP_MOVE: {
                int b = GETARG_B(i);
                return b < GETARG_A(i) ? describe(p, at, b) : null;
            }
            case OP_GETTABUP: {
                String t = p.upvalues != null && GETARG_B(i) < p.upvalues.length && p.upvalues[GETARG_B(i)].name != null
                        ? p.upvalues[GETARG_B(i)].name.tojstring() : "";
                return (t.equals("_ENV") ? "global '" : "field '") + kname(p, GETARG_C(i)) + "'";
            }
            case OP_GETTABLE: {
                LuaString t = p.getlocalname(GETARG_B(i) + 1, at);
                boolean env = t != null && t.tojstring().equals("_ENV");
                return (env ? "global '" : "field '") + kname(p, GETARG_C(i)) + "'";
            }
            case OP_GETUPVAL: {
                String u = upvalue(p, GETARG_B(i));
                return u;
            }
            case OP_SELF:
                return "method '" + kname(p, GETARG_C(i)) + "'";
            default:
                return null;
        }
    }

    private static String kname(Prototype p, int c) {
        if (ISK(c) && p.k[INDEXK(c)].type() == LuaValue.TSTRING) return p.k[INDEXK(c)].tojstring();
        return "?";
    }

    /** Lua 5.2's findsetreg: the last instruction before {@code lastpc} that wrote {@code reg}, or -1. */
    private static int findSetReg(Prototype p, int lastpc, int reg) {
        int setreg = -1;
        for (int pc = 0; pc < lastpc && pc < p.code.length; pc++) {
            int i = p.code[pc];
            int op = GET_OPCODE(i);
            int a = GETARG_A(i);
            switch (op) {
                case OP_LOADNIL:
                    if (a <= reg && reg <= a + GETARG_B(i)) setreg = pc;
                    break;
                case OP_TFORCALL:
                    if (reg >= a + 2) setreg = pc;
                    break;
                case OP_CALL: case OP_TAILCALL:
                    if (reg >= a) setreg = pc;
                    break;
                case OP_JMP: {
                    int b = GETARG_sBx(i);
                    int dest = pc + 1 + b;
                    if (pc < dest && dest <= lastpc) pc += b;
                    break;
                }
                case OP_TEST:
                    if (reg == a) setreg = pc;
                    break;
                default:
                    if (setsA(op) && reg == a) setreg = pc;
            }
        }
        return setreg;
    }

    /** testAMode: the instructions that write register A. */
    private static boolean setsA(int op) {
        switch (op) {
            case 8: case 9: case 10: case 23: case 24: case 25: case 26: case 27: case 31: case 34: case 36: case 39:
                return false; // SETTABUP SETUPVAL SETTABLE JMP EQ LT LE TEST RETURN TFORCALL SETLIST EXTRAARG
            default:
                return op >= 0 && op <= 38;
        }
    }
}
