package io.cinnabar.command.geo;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.ValueType;
import io.cinnabar.util.GeoHash;
import io.cinnabar.util.LongDouble;
import io.cinnabar.util.Numbers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** What the GEO commands share: argument parsing with Redis' errors, member decoding, reply formats. */
final class Geos {
    private Geos() {}

    static final RedisError BAD_UNIT = Errors.err("unsupported unit provided. please use M, KM, FT, MI");
    static final RedisError NO_MEMBER = Errors.err("could not decode requested zset member");

    /** The sorted set at key, null if missing, WRONGTYPE otherwise. */
    static SortedSetValue get(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.ZSET);
    }

    /** getDoubleFromObjectOrReply with an optional custom message ("need numeric radius"). */
    static double parseDouble(byte[] b, String error) {
        double d = Numbers.parseDouble(b);
        if (Double.isNaN(d)) throw error == null ? Errors.NOT_FLOAT : Errors.err(error);
        return d;
    }

    /** extractLongLatOrReply: {lon, lat} from argv[i], argv[i+1], within the indexable ranges. */
    static double[] lonLat(Argv argv, int i) {
        double lon = parseDouble(argv.get(i), null), lat = parseDouble(argv.get(i + 1), null);
        if (lon < GeoHash.LONG_MIN || lon > GeoHash.LONG_MAX || lat < GeoHash.LAT_MIN || lat > GeoHash.LAT_MAX) {
            throw Errors.err("invalid longitude,latitude pair " + fixed6(lon) + "," + fixed6(lat));
        }
        return new double[] {lon, lat};
    }

    /** printf's "%f". */
    private static String fixed6(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return new BigDecimal(d).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** extractUnitOrReply: metres per unit. */
    static double unit(byte[] u) {
        if (Argv.equalsIgnoreCase(u, "m")) return 1;
        if (Argv.equalsIgnoreCase(u, "km")) return 1000;
        if (Argv.equalsIgnoreCase(u, "ft")) return 0.3048;
        if (Argv.equalsIgnoreCase(u, "mi")) return 1609.34;
        throw BAD_UNIT;
    }

    /** extractDistanceOrReply: radius and unit at argv[i], argv[i+1]. */
    static void radius(Argv argv, int i, GeoHash.Shape shape) {
        double r = parseDouble(argv.get(i), "need numeric radius");
        if (r < 0) throw Errors.err("radius cannot be negative");
        shape.radius = r;
        shape.conversion = unit(argv.get(i + 1));
        shape.box = false;
    }

    /** extractBoxOrReply: width, height and unit at argv[i..i+2]. */
    static void box(Argv argv, int i, GeoHash.Shape shape) {
        double w = parseDouble(argv.get(i), "need numeric width");
        double h = parseDouble(argv.get(i + 1), "need numeric height");
        if (h < 0 || w < 0) throw Errors.err("height or width cannot be negative");
        shape.width = w;
        shape.height = h;
        shape.conversion = unit(argv.get(i + 2));
        shape.box = true;
    }

    /** longLatFromMember: the member's decoded position, or null when it is not in the set. */
    static double[] memberPosition(SortedSetValue z, byte[] member) {
        double score = z.score(member);
        return Double.isNaN(score) ? null : GeoHash.decodeScore(score);
    }

    /** addReplyDoubleDistance: fixedpoint_d2string with 4 decimals (llrint of d * 10^4), as a bulk string. */
    static void distance(RespOut out, double d) {
        out.bulk(fixed4(d));
    }

    static byte[] fixed4(double d) {
        if (d == 0) return "0.0000".getBytes(StandardCharsets.US_ASCII);
        long v = (long) Math.rint(d * 10000.0);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        String frac = Long.toString(v % 10000);
        sb.append(v / 10000).append('.');
        for (int i = frac.length(); i < 4; i++) sb.append('0');
        return sb.append(frac).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** addReplyHumanLongDouble: "%.17Lf" with trailing zeros dropped. */
    static void coordinate(RespOut out, double d) {
        out.doubleText(LongDouble.format(new BigDecimal(d)).getBytes(StandardCharsets.US_ASCII));
    }

    /** A {lon, lat} pair as a two-element array. */
    static void position(RespOut out, double[] xy) {
        out.arrayHeader(2);
        coordinate(out, xy[0]);
        coordinate(out, xy[1]);
    }
}
