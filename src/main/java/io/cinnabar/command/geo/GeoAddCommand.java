package io.cinnabar.command.geo;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.util.GeoHash;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code GEOADD key [NX|XX] [CH] longitude latitude member [...]}: runs (and propagates) ZADD with
 * each position as its 52-bit geohash score, as Redis does; stats stay GEOADD's.
 */
final class GeoAddCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("geoadd", "geo").arity(-5).flags(WRITE, DENYOOM)
            .acl(AclCategory.GEO).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Add one or more geospatial items in the geospatial index represented using a sorted set", "3.2.0",
                    "O(log(N)) for each item added, where N is the number of elements in the sorted set.")
            .build();
    private static final byte[] ZADD = "zadd".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean xx = false, nx = false;
        int longIdx = 2;
        for (; longIdx < argv.size(); longIdx++) {
            if (argv.is(longIdx, "nx")) nx = true;
            else if (argv.is(longIdx, "xx")) xx = true;
            else if (!argv.is(longIdx, "ch")) break;
        }
        if ((argv.size() - longIdx) % 3 != 0 || (xx && nx)) throw Errors.SYNTAX;
        int elements = (argv.size() - longIdx) / 3;
        byte[][] zadd = new byte[longIdx + elements * 2][];
        zadd[0] = ZADD;
        for (int i = 1; i < longIdx; i++) zadd[i] = argv.get(i);
        for (int i = 0; i < elements; i++) {
            double[] xy = Geos.lonLat(argv, longIdx + i * 3);
            long bits = GeoHash.align52(GeoHash.encodeWGS84(xy[0], xy[1], GeoHash.STEP_MAX), GeoHash.STEP_MAX);
            zadd[longIdx + i * 2] = Numbers.longToBytes(bits);
            zadd[longIdx + 1 + i * 2] = argv.get(longIdx + i * 3 + 2);
        }
        long dirty = ctx.server().dirty;
        ctx.server().registry().lookup("zadd").command().execute(ctx, Argv.of(zadd));
        if (ctx.server().dirty != dirty) ctx.propagateAs(zadd);
    }
}
