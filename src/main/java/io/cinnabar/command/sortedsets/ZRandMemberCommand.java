package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZRANDMEMBER key [count [WITHSCORES]]}. */
final class ZRandMemberCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrandmember", "sorted-set").arity(-2).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get one or multiple random elements from a sorted set", "6.2.0", "O(N) where N is the number of elements returned")
            .tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZRandMember.run(ctx, argv);
    }
}
