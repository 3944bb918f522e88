package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code RENAMENX key newkey}: 1 if renamed, 0 if newkey exists. */
final class RenameNxCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("renamenx", "generic").arity(3).flags(WRITE, FAST)
            .acl(AclCategory.KEYSPACE)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .key(KeySpec.single(2, KeySpec.OW | KeySpec.INSERT))
            .doc("Rename a key, only if the new key does not exist", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Renames.rename(ctx, argv.get(1), argv.get(2), true);
    }
}
