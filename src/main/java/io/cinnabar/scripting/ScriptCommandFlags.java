package io.cinnabar.scripting;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.resp.Argv;

/**
 * getCommandFlags for EVAL and FCALL (Redis' evalGetCommandFlags / fcallGetCommandFlags): a script
 * that declares flags (a shebang, or a function's flags) runs with those instead of the command's
 * static ones, so that CLIENT PAUSE WRITE lets a no-writes script through, alone or queued in MULTI.
 */
public final class ScriptCommandFlags {
    private ScriptCommandFlags() {}

    public static long of(Scripting scripting, CommandEntry e, Argv argv) {
        long cmd = e.spec().flags();
        if (argv.size() < 2) return cmd;
        int declared;
        switch (e.spec().name()) {
            case "eval": case "eval_ro":
                declared = scripting.declaredFlags(argv.get(1), false);
                break;
            case "evalsha": case "evalsha_ro":
                declared = argv.get(1).length == 40 ? scripting.declaredFlags(argv.get(1), true) : -1;
                break;
            case "fcall": case "fcall_ro": {
                FunctionLibrary.Function f = scripting.functions.function(argv.str(1));
                declared = f == null ? -1 : f.flags();
                break;
            }
            default:
                return cmd;
        }
        if (declared < 0 || (declared & ScriptFlags.EVAL_COMPAT_MODE) != 0) return cmd;
        return toCommandFlags(cmd, declared);
    }

    /** scriptFlagsToCmdFlags: the declared flags replace WRITE, DENYOOM, STALE and MAY_REPLICATE. */
    static long toCommandFlags(long cmd, int script) {
        cmd &= ~(CommandFlag.STALE | CommandFlag.DENYOOM | CommandFlag.WRITE | CommandFlag.MAY_REPLICATE);
        if ((script & (ScriptFlags.ALLOW_OOM | ScriptFlags.NO_WRITES)) == 0) cmd |= CommandFlag.DENYOOM;
        if ((script & ScriptFlags.NO_WRITES) == 0) cmd |= CommandFlag.WRITE;
        if ((script & ScriptFlags.ALLOW_STALE) != 0) cmd |= CommandFlag.STALE;
        return cmd;
    }
}
