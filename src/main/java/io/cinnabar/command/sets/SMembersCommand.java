package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SMEMBERS key}: a set in RESP3. */
final class SMembersCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("smembers", "set").arity(2).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get all the members in a set", "1.0.0", "O(N) where N is the set cardinality.").tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue s = Sets.get(ctx, argv.get(1));
        if (s == null) ctx.out().setHeader(0);
        else Sets.replySet(ctx.out(), s);
    }
}
