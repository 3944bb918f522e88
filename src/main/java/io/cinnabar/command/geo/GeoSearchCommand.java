package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code GEOSEARCH key FROMMEMBER member|FROMLONLAT lon lat BYRADIUS radius unit|BYBOX width height unit [ASC|DESC] [COUNT count [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]}. */
final class GeoSearchCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geosearch", "geo").arity(-7).flags(READONLY)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.", "6.2.0",
                    "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        GeoSearch.run(ctx, argv, 1, GeoSearch.GEOSEARCH);
    }
}
