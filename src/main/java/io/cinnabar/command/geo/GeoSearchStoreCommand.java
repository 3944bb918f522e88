package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code GEOSEARCHSTORE destination source FROMMEMBER member|FROMLONLAT lon lat BYRADIUS radius unit|BYBOX width height unit [ASC|DESC] [COUNT count [ANY]] [STOREDIST]}. */
final class GeoSearchStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geosearchstore", "geo").arity(-8).flags(WRITE, DENYOOM)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.single(2, KeySpec.RO | KeySpec.ACCESS))
            .doc("Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.", "6.2.0",
                    "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        GeoSearch.run(ctx, argv, 2, GeoSearch.GEOSEARCH | GeoSearch.GEOSEARCHSTORE);
    }
}
