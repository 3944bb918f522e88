package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.GeoHash;

/** {@code GEOHASH key [member ...]}: 11-character standard geohash strings, null for missing members. */
final class GeoHashCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geohash", "geo").arity(-2).flags(READONLY)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Returns members of a geospatial index as standard geohash strings", "3.2.0",
                    "O(log(N)) for each member requested, where N is the number of elements in the sorted set.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = Geos.get(ctx, argv.get(1));
        ctx.out().arrayHeader(argv.size() - 2);
        for (int j = 2; j < argv.size(); j++) {
            double score = z == null ? Double.NaN : z.score(argv.get(j));
            if (Double.isNaN(score)) ctx.out().nullBulk();
            else ctx.out().bulk(GeoHash.standardString(score));
        }
    }
}
