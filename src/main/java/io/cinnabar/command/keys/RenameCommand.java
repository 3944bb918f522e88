package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code RENAME key newkey}: overwrites newkey; the TTL travels with the value. */
final class RenameCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("rename", "generic").arity(3).flags(WRITE)
            .acl(AclCategory.KEYSPACE)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .key(KeySpec.single(2, KeySpec.OW | KeySpec.UPDATE))
            .doc("Rename a key", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Renames.rename(ctx, argv.get(1), argv.get(2), false);
    }
}
