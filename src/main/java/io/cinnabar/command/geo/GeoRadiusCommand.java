package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code GEORADIUS key longitude latitude radius M|KM|FT|MI [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC|DESC] [STORE key] [STOREDIST key]}. */
final class GeoRadiusCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("georadius", "geo").arity(-6).flags(WRITE, DENYOOM)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .key(KeySpec.keywordRange("STORE", 6, 0, 1, 0, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.keywordRange("STOREDIST", 6, 0, 1, 0, KeySpec.OW | KeySpec.UPDATE))
            .doc("Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point", "3.2.0",
                    "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        GeoSearch.run(ctx, argv, 1, GeoSearch.RADIUS_COORDS);
    }
}
