package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.GeoHash;

/** {@code GEODIST key member1 member2 [M|KM|FT|MI]}: null when either member is missing. */
final class GeoDistCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geodist", "geo").arity(-4).flags(READONLY)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Returns the distance between two members of a geospatial index", "3.2.0", "O(log(N))").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        double toMeter = 1;
        if (argv.size() == 5) toMeter = Geos.unit(argv.get(4));
        else if (argv.size() > 5) throw Errors.SYNTAX;
        SortedSetValue z = Geos.get(ctx, argv.get(1));
        double[] a = z == null ? null : Geos.memberPosition(z, argv.get(2));
        double[] b = a == null ? null : Geos.memberPosition(z, argv.get(3));
        if (b == null) {
            ctx.out().nullBulk();
            return;
        }
        Geos.distance(ctx.out(), GeoHash.distance(a[0], a[1], b[0], b[1]) / toMeter);
    }
}
