package io.cinnabar.command.geo;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.GeoHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * georadiusGeneric: GEORADIUS[_RO], GEORADIUSBYMEMBER[_RO], GEOSEARCH and GEOSEARCHSTORE, with
 * Redis' argument order, errors and search: the 9 geohash cells around the centre are scanned as
 * score ranges of the sorted set, points are filtered by exact distance, then sorted and cut.
 */
final class GeoSearch {
    private GeoSearch() {}

    static final int RADIUS_COORDS = 1, RADIUS_MEMBER = 2, NOSTORE = 4, GEOSEARCH = 8, GEOSEARCHSTORE = 16;
    private static final int SORT_NONE = 0, SORT_ASC = 1, SORT_DESC = 2;
    private static final KeyEvent GEORADIUSSTORE = new KeyEvent("georadiusstore", KeyEvent.ZSET);
    private static final KeyEvent GEOSEARCHSTORE_EVENT = new KeyEvent("geosearchstore", KeyEvent.ZSET);

    /** A point found in the search area. */
    private record Point(byte[] member, double lon, double lat, double dist, double score) {}

    static void run(Ctx ctx, Argv argv, int srcKey, int flags) {
        SortedSetValue z = Geos.get(ctx, argv.get(srcKey));
        GeoHash.Shape shape = new GeoHash.Shape();
        byte[] storeKey = null;
        boolean storeDist = false;
        int base;
        if ((flags & RADIUS_COORDS) != 0) {
            base = 6;
            setCentre(shape, Geos.lonLat(argv, 2));
            Geos.radius(argv, 4, shape);
        } else if ((flags & RADIUS_MEMBER) != 0) {
            base = 5;
            if (z != null) {
                setCentre(shape, member(z, argv.get(2)));
                Geos.radius(argv, 3, shape);
            }
        } else {
            base = 2;
            if ((flags & GEOSEARCHSTORE) != 0) {
                base = 3;
                storeKey = argv.get(1);
            }
        }
        boolean withDist = false, withHash = false, withCoord = false, any = false;
        boolean fromMember = false, fromLoc = false, byRadius = false, byBox = false;
        boolean search = (flags & GEOSEARCH) != 0, storeOk = (flags & (NOSTORE | GEOSEARCH)) == 0;
        int sort = SORT_NONE;
        long count = 0;
        int remaining = argv.size() - base;
        for (int i = 0; i < remaining; i++) {
            int a = base + i;
            if (argv.is(a, "withdist")) withDist = true;
            else if (argv.is(a, "withhash")) withHash = true;
            else if (argv.is(a, "withcoord")) withCoord = true;
            else if (argv.is(a, "any")) any = true;
            else if (argv.is(a, "asc")) sort = SORT_ASC;
            else if (argv.is(a, "desc")) sort = SORT_DESC;
            else if (argv.is(a, "count") && i + 1 < remaining) {
                count = argv.longArg(a + 1);
                if (count <= 0) throw Errors.err("COUNT must be > 0");
                i++;
            } else if ((argv.is(a, "store") || argv.is(a, "storedist")) && i + 1 < remaining && storeOk) {
                storeKey = argv.get(a + 1);
                storeDist = argv.is(a, "storedist");
                i++;
            } else if (argv.is(a, "storedist") && search && (flags & GEOSEARCHSTORE) != 0) {
                storeDist = true;
            } else if (argv.is(a, "frommember") && i + 1 < remaining && search && !fromLoc) {
                if (z != null) setCentre(shape, member(z, argv.get(a + 1)));
                fromMember = true;
                i++;
            } else if (argv.is(a, "fromlonlat") && i + 2 < remaining && search && !fromMember) {
                setCentre(shape, Geos.lonLat(argv, a + 1));
                fromLoc = true;
                i += 2;
            } else if (argv.is(a, "byradius") && i + 2 < remaining && search && !byBox) {
                Geos.radius(argv, a + 1, shape);
                byRadius = true;
                i += 2;
            } else if (argv.is(a, "bybox") && i + 3 < remaining && search && !byRadius) {
                Geos.box(argv, a + 1, shape);
                byBox = true;
                i += 3;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (storeKey != null && (withDist || withHash || withCoord)) {
            throw Errors.err(((flags & GEOSEARCHSTORE) != 0 ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        if (search && !(fromMember || fromLoc)) {
            throw Errors.err("exactly one of FROMMEMBER or FROMLONLAT can be specified for " + argv.str(0));
        }
        if (search && !(byRadius || byBox)) {
            throw Errors.err("exactly one of BYRADIUS and BYBOX can be specified for " + argv.str(0));
        }
        if (any && count == 0) throw Errors.err("the ANY argument requires COUNT argument");
        if (z == null) {
            if (storeKey == null) ctx.out().emptyArray();
            else {
                if (ctx.db().delete(storeKey)) ctx.modified(storeKey, KeyEvent.DEL);
                ctx.out().integer(0);
            }
            return;
        }
        if (count != 0 && sort == SORT_NONE && !any) sort = SORT_ASC;
        List<Point> found = find(z, shape, any ? count : 0);
        if (found.isEmpty() && storeKey == null) {
            ctx.out().emptyArray();
            return;
        }
        if (sort != SORT_NONE) {
            Comparator<Point> c = Comparator.comparingDouble(Point::dist);
            found.sort(sort == SORT_ASC ? c : c.reversed());
        }
        int returned = (int) (count == 0 || found.size() < count ? found.size() : count);
        if (storeKey == null) reply(ctx.out(), found, returned, shape.conversion, withDist, withHash, withCoord);
        else store(ctx, storeKey, found, returned, shape.conversion, storeDist, search);
    }

    private static void setCentre(GeoHash.Shape shape, double[] xy) {
        shape.lon = xy[0];
        shape.lat = xy[1];
    }

    private static double[] member(SortedSetValue z, byte[] member) {
        double[] xy = Geos.memberPosition(z, member);
        if (xy == null) throw Geos.NO_MEMBER;
        return xy;
    }

    /** membersOfAllNeighbors: scans the cells, skipping dropped ones and a repeat of the last scanned. */
    private static List<Point> find(SortedSetValue z, GeoHash.Shape shape, long limit) {
        long[] cells = GeoHash.searchAreas(shape);
        List<Point> found = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < 9; i++) {
            long bits = cells[2 * i];
            int step = (int) cells[2 * i + 1];
            if (bits == 0 && step == 0) continue;
            if (last != 0 && bits == cells[2 * last] && step == cells[2 * last + 1]) continue;
            if (!found.isEmpty() && limit != 0 && found.size() >= limit) break;
            double min = GeoHash.align52(bits, step), max = GeoHash.align52(bits + 1, step);
            int from = z.countBelow(min, false), to = z.countUpTo(max, true) - 1;
            z.forRange(from, to, false, (member, score) -> {
                if (!found.isEmpty() && limit != 0 && found.size() >= limit) return;
                double[] xy = GeoHash.decodeScore(score);
                double d = GeoHash.distanceIfWithin(shape, xy[0], xy[1]);
                if (d >= 0) found.add(new Point(member, xy[0], xy[1], d, score));
            });
            last = i;
        }
        return found;
    }

    private static void reply(RespOut out, List<Point> found, int n, double conversion, boolean withDist,
            boolean withHash, boolean withCoord) {
        int options = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoord ? 1 : 0);
        out.arrayHeader(n);
        for (int i = 0; i < n; i++) {
            Point p = found.get(i);
            if (options > 0) out.arrayHeader(options + 1);
            out.bulk(p.member());
            if (withDist) Geos.distance(out, p.dist() / conversion);
            if (withHash) out.integer((long) p.score());
            if (withCoord) Geos.position(out, new double[] {p.lon(), p.lat()});
        }
    }

    private static void store(Ctx ctx, byte[] key, List<Point> found, int n, double conversion, boolean storeDist,
            boolean search) {
        if (n == 0) {
            if (ctx.db().delete(key)) ctx.modified(key, KeyEvent.DEL);
            ctx.out().integer(0);
            return;
        }
        long maxEntries = ctx.server().config().getLong("zset-max-listpack-entries");
        long maxValue = ctx.server().config().getLong("zset-max-listpack-value");
        SortedSetValue dest = SortedSetValue.skiplist();
        long maxLen = 0;
        for (int i = 0; i < n; i++) {
            Point p = found.get(i);
            maxLen = Math.max(maxLen, p.member().length);
            dest.insertNew(p.member(), storeDist ? p.dist() / conversion : p.score(), maxEntries, maxValue);
        }
        dest.convertToListpackIfFits(maxLen, maxEntries, maxValue);
        ctx.db().set(key, dest);
        ctx.modified(key, search ? GEOSEARCHSTORE_EVENT : GEORADIUSSTORE);
        ctx.dirty(n - 1);
        ctx.out().integer(n);
    }
}
