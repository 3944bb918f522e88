package io.cinnabar.command.scripting;

import static io.cinnabar.command.CommandFlag.MAY_REPLICATE;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_MANDATORY_KEYS;
import static io.cinnabar.command.CommandFlag.READONLY;
import static io.cinnabar.command.CommandFlag.SKIP_MONITOR;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.scripting.Scripting;

/**
 * {@code EVAL script numkeys [key ...] [arg ...]}, and EVALSHA, EVAL_RO, EVALSHA_RO: runs a Lua
 * script (cached by its SHA1). The _RO forms refuse scripts that write.
 */
final class EvalCommand implements Command {
    private static final String RW_NOTE = "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE";
    private static final String RO_NOTE = "We cannot tell how the keys will be used so we assume the worst, RO and ACCESS";

    static final EvalCommand EVAL = new EvalCommand(spec("eval", false, true,
            "Execute a Lua script server side", "2.6.0"), false, false);
    static final EvalCommand EVALSHA = new EvalCommand(spec("evalsha", false, false,
            "Execute a Lua script server side", "2.6.0"), true, false);
    static final EvalCommand EVAL_RO = new EvalCommand(spec("eval_ro", true, true,
            "Execute a read-only Lua script server side", "7.0.0"), false, true);
    static final EvalCommand EVALSHA_RO = new EvalCommand(spec("evalsha_ro", true, false,
            "Execute a read-only Lua script server side", "7.0.0"), true, true);

    private final CommandSpec spec;
    private final boolean sha;
    private final boolean ro;

    private EvalCommand(CommandSpec spec, boolean sha, boolean ro) {
        this.spec = spec;
        this.sha = sha;
        this.ro = ro;
    }

    static CommandSpec spec(String name, boolean ro, boolean note, String summary, String since) {
        KeySpec k = KeySpec.keynum(2, 0, 1, 1, ro ? KeySpec.RO | KeySpec.ACCESS : KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE);
        if (note) k = k.notes(ro ? RO_NOTE : RW_NOTE);
        CommandSpec.Builder b = CommandSpec.builder(name, "scripting").arity(-3)
                .acl(AclCategory.SCRIPTING).key(k)
                .doc(summary, since, "Depends on the script that is executed.");
        if (ro) b.flags(READONLY, NOSCRIPT, SKIP_MONITOR, NO_MANDATORY_KEYS, STALE);
        else b.flags(NOSCRIPT, SKIP_MONITOR, MAY_REPLICATE, NO_MANDATORY_KEYS, STALE);
        return b.build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        s.eval(ctx, argv, sha, ro);
    }
}
