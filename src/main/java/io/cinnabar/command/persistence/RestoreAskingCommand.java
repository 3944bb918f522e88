package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.ASKING;
import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code RESTORE-ASKING key ttl serialized-value [...]}: RESTORE for cluster migrations; the same without a cluster. */
final class RestoreAskingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("restore-asking", "server").arity(-4)
            .flags(WRITE, DENYOOM, ASKING).acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
            .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .doc("An internal command for migrating keys in a cluster", "3.0.0",
                    "O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is "
                    + "the number of Redis objects composing the value and M their average size. For small string values "
                    + "the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set "
                    + "values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).")
            .build();
    private static final RestoreCommand RESTORE = new RestoreCommand();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RESTORE.execute(ctx, argv);
    }
}
