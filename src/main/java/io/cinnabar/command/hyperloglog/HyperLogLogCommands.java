package io.cinnabar.command.hyperloglog;

import io.cinnabar.command.Command;
import java.util.List;

/** The HyperLogLog family: PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST. */
public final class HyperLogLogCommands {
    private HyperLogLogCommands() {}

    public static List<Command> all() {
        return List.of(new PfAddCommand(), new PfCountCommand(), new PfMergeCommand(), new PfDebugCommand(),
                new PfSelfTestCommand());
    }
}
