package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code GEORADIUSBYMEMBER_RO key member radius unit [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC|DESC]}. */
final class GeoRadiusByMemberRoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("georadiusbymember_ro", "geo").arity(-5).flags(READONLY)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("A read-only variant for GEORADIUSBYMEMBER", "3.2.10",
                    "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        GeoSearch.run(ctx, argv, 1, GeoSearch.RADIUS_MEMBER | GeoSearch.NOSTORE);
    }
}
