package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZSCAN key cursor [MATCH pattern] [COUNT count]}. */
final class ZScanCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zscan", "sorted-set").arity(-3).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Incrementally iterate sorted sets elements and associated scores", "2.8.0", "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
            .tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZScan.run(ctx, argv);
    }
}
