package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;

/** {@code GEOPOS key [member ...]}: [longitude, latitude] per member, a null array for missing ones. */
final class GeoPosCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geopos", "geo").arity(-2).flags(READONLY)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Returns longitude and latitude of members of a geospatial index", "3.2.0",
                    "O(N) where N is the number of members requested.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = Geos.get(ctx, argv.get(1));
        ctx.out().arrayHeader(argv.size() - 2);
        for (int j = 2; j < argv.size(); j++) {
            double[] xy = z == null ? null : Geos.memberPosition(z, argv.get(j));
            if (xy == null) ctx.out().nullArray();
            else Geos.position(ctx.out(), xy);
        }
    }
}
