package io.cinnabar.command.scripting;

import io.cinnabar.command.Command;
import java.util.List;

/** The scripting family, as registered with the server. */
public final class ScriptingCommands {
    private ScriptingCommands() {}

    public static List<Command> all() {
        return List.of(EvalCommand.EVAL, EvalCommand.EVALSHA, EvalCommand.EVAL_RO, EvalCommand.EVALSHA_RO,
                FcallCommand.FCALL, FcallCommand.FCALL_RO, new ScriptCommand(), new FunctionCommand());
    }
}
