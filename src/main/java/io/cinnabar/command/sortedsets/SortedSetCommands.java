package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Command;
import java.util.List;

/** The sortedsets family, as registered with the server. */
public final class SortedSetCommands {
    private SortedSetCommands() {}

    public static List<Command> all() {
        return List.of(
                new BZMPopCommand(),
                new BZPopMaxCommand(),
                new BZPopMinCommand(),
                new ZAddCommand(),
                new ZCardCommand(),
                new ZCountCommand(),
                new ZDiffCommand(),
                new ZDiffStoreCommand(),
                new ZIncrByCommand(),
                new ZInterCardCommand(),
                new ZInterCommand(),
                new ZInterStoreCommand(),
                new ZLexCountCommand(),
                new ZMPopCommand(),
                new ZMScoreCommand(),
                new ZPopMaxCommand(),
                new ZPopMinCommand(),
                new ZRandMemberCommand(),
                new ZRangeByLexCommand(),
                new ZRangeByScoreCommand(),
                new ZRangeCommand(),
                new ZRangeStoreCommand(),
                new ZRankCommand(),
                new ZRemCommand(),
                new ZRemRangeByLexCommand(),
                new ZRemRangeByRankCommand(),
                new ZRemRangeByScoreCommand(),
                new ZRevRangeByLexCommand(),
                new ZRevRangeByScoreCommand(),
                new ZRevRangeCommand(),
                new ZRevRankCommand(),
                new ZScanCommand(),
                new ZScoreCommand(),
                new ZUnionCommand(),
                new ZUnionStoreCommand());
    }
}
