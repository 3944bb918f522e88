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

/** {@code FCALL function numkeys [key ...] [arg ...]} and {@code FCALL_RO}: calls a library function. */
final class FcallCommand implements Command {
    static final FcallCommand FCALL = new FcallCommand(spec("fcall", false, "Invoke a function"), false);
    static final FcallCommand FCALL_RO = new FcallCommand(spec("fcall_ro", true, "Invoke a read-only function"), true);

    private final CommandSpec spec;
    private final boolean ro;

    private FcallCommand(CommandSpec spec, boolean ro) {
        this.spec = spec;
        this.ro = ro;
    }

    private static CommandSpec spec(String name, boolean ro, String summary) {
        KeySpec k = KeySpec.keynum(2, 0, 1, 1, ro ? KeySpec.RO | KeySpec.ACCESS : KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE)
                .notes(ro ? "We cannot tell how the keys will be used so we assume the worst, RO and ACCESS"
                        : "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE");
        CommandSpec.Builder b = CommandSpec.builder(name, "scripting").arity(-3).acl(AclCategory.SCRIPTING).key(k)
                .doc(summary, "7.0.0", "Depends on the function that is executed.");
        if (ro) b.flags(READONLY, NOSCRIPT, SKIP_MONITOR, NO_MANDATORY_KEYS, STALE);
        else b.flags(NOSCRIPT, SKIP_MONITOR, MAY_REPLICATE, NO_MANDATORY_KEYS, STALE);
        return b.build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        s.functions().fcall(ctx, argv, ro);
    }
}
