package io.cinnabar.command.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import io.cinnabar.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GEO and HyperLogLog commands byte for byte against a real redis-server: scripted edge cases, a
 * few hundred random commands over a small key space (in RESP2 and RESP3), and HLL values carried
 * both ways with DUMP/RESTORE.
 */
class GeoHllDifferentialTest extends DifferentialTestBase {
    private static final String SCRIPT = """
            GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania
            GEODIST Sicily Palermo Catania
            GEODIST Sicily Palermo Catania mi
            GEODIST Sicily Palermo Catania furlong
            GEODIST Sicily Palermo nosuch
            GEODIST nokey a b
            GEORADIUS Sicily 15 37 200 km WITHDIST WITHCOORD WITHHASH
            GEORADIUS Sicily 15 37 200 km COUNT 1 DESC
            GEORADIUS Sicily 15 37 200 km ANY
            GEORADIUS_RO Sicily 15 37 200 km STORE x
            GEORADIUSBYMEMBER Sicily Palermo 300 km STOREDIST d1
            ZRANGE d1 0 -1 WITHSCORES
            GEORADIUSBYMEMBER nokey Palermo x km
            GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 400 400 km ASC WITHCOORD WITHDIST WITHHASH
            GEOSEARCH Sicily FROMMEMBER Palermo FROMLONLAT 1 1 BYRADIUS 1 km
            GEOSEARCH Sicily FROMLONLAT 15 37 BYRADIUS 1 km BYBOX 1 1 km
            GEOSEARCH Sicily BYRADIUS 1 km
            GEOSEARCH Sicily FROMLONLAT 15 37
            GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 1 -1 km
            GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX x 1 km
            GEOSEARCH Sicily FROMLONLAT 15 37 BYBOX 1 x km
            GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYBOX 400 400 km COUNT 1 STOREDIST
            ZRANGE dst 0 -1 WITHSCORES
            GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYBOX 1 1 m
            EXISTS dst
            GEOSEARCHSTORE dst Sicily FROMLONLAT 15 37 BYBOX 1 1 m WITHDIST
            GEOADD Sicily 181 0 x
            GEOADD Sicily 0 86 x
            GEOADD Sicily nan 0 x
            GEOADD Sicily NX XX 0 0 x
            GEOADD Sicily GT 0 0 x
            GEOADD Sicily CH XX 13.4 38.1 Palermo 1 1 new
            GEOPOS Sicily Palermo new nosuch
            GEOHASH Sicily Palermo Catania nosuch
            GEOHASH nokey a
            GEOPOS nokey a
            SET str x
            GEOADD str 0 0 a
            GEOPOS str a
            GEORADIUS str 0 0 1 km
            PFADD h a b c
            PFADD h a b c
            PFADD h
            PFCOUNT h
            PFCOUNT h nokey
            PFADD str a
            PFCOUNT str
            PFMERGE h str
            PFMERGE m h nokey
            PFCOUNT m
            PFDEBUG ENCODING m
            PFDEBUG DECODE m
            PFDEBUG TODENSE m
            PFDEBUG TODENSE m
            PFDEBUG DECODE m
            PFDEBUG ENCODING m
            PFDEBUG GETREG nokey
            PFDEBUG FOO m
            PFDEBUG GETREG str
            GETRANGE h 0 -1
            GETRANGE m 0 40
            SETRANGE h 4 x
            PFCOUNT h
            SET bad HYLLjunk
            PFCOUNT bad
            PFADD bad a
            """;

    @Test void scriptedEdgeCases() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("FLUSHALL");
            d.script(SCRIPT);
        }
    }

    @Test void randomCommandsMatchByteForByte() {
        Random rnd = new Random(20261127);
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("FLUSHALL");
            for (String proto : new String[] {"2", "3"}) {
                d.both("HELLO", proto);
                for (int i = 0; i < 250; i++) d.check(randomCommand(rnd));
            }
        }
    }

    @Test void hllDumpsRestoreAcrossServers() {
        try (RespClient a = new RespClient(ours.port()); RespClient b = new RespClient(redis.port())) {
            for (RespClient c : new RespClient[] {a, b}) {
                c.call("DEL", "sparse", "dense", "copy1", "copy2");
                List<String> add = new ArrayList<>(List.of("PFADD", "sparse"));
                for (int i = 0; i < 300; i++) add.add("e" + i);
                c.call(add.toArray(new String[0]));
                c.call("PFMERGE", "dense", "sparse");
                c.call("PFDEBUG", "TODENSE", "dense");
                c.call("PFCOUNT", "dense");
            }
            for (String key : new String[] {"sparse", "dense"}) {
                assertThat(a.call("GET", key)).isEqualTo(b.call("GET", key));
                byte[] ours = bulk(a.call("DUMP", key)), theirs = bulk(b.call("DUMP", key));
                assertThat(new String(a.call("RESTORE".getBytes(), "copy1".getBytes(), "0".getBytes(), theirs))).startsWith("+OK");
                assertThat(new String(b.call("RESTORE".getBytes(), "copy1".getBytes(), "0".getBytes(), ours))).startsWith("+OK");
                assertThat(a.call("GET", "copy1")).isEqualTo(b.call("GET", "copy1"));
                assertThat(a.call("PFCOUNT", "copy1")).isEqualTo(b.call("PFCOUNT", "copy1"));
                a.call("DEL", "copy1");
                b.call("DEL", "copy1");
            }
        }
    }

    /** The payload of a bulk reply ("$n\r\n...\r\n"). */
    private static byte[] bulk(byte[] reply) {
        int crlf = 0;
        while (reply[crlf] != '\r') crlf++;
        int n = Integer.parseInt(new String(reply, 1, crlf - 1));
        return java.util.Arrays.copyOfRange(reply, crlf + 2, crlf + 2 + n);
    }

    private static final String[] UNITS = {"m", "km", "ft", "mi", "KM"};

    private static String[] randomCommand(Random r) {
        String key = "g" + r.nextInt(3), m = "m" + r.nextInt(12), h = "h" + r.nextInt(3);
        String lon = coord(r, 180), lat = coord(r, 85.05);
        String unit = UNITS[r.nextInt(UNITS.length)], radius = Integer.toString(r.nextInt(3000));
        List<String> c = new ArrayList<>();
        switch (r.nextInt(12)) {
            case 0, 1 -> {
                c.addAll(List.of("GEOADD", key));
                if (r.nextInt(4) == 0) c.add(r.nextBoolean() ? "NX" : "XX");
                if (r.nextInt(4) == 0) c.add("CH");
                for (int i = r.nextInt(4) + 1; i > 0; i--) c.addAll(List.of(coord(r, 180), coord(r, 85.05), "m" + r.nextInt(12)));
            }
            case 2 -> c.addAll(List.of("GEODIST", key, m, "m" + r.nextInt(12), unit));
            case 3 -> c.addAll(List.of(r.nextBoolean() ? "GEOPOS" : "GEOHASH", key, m, "m" + r.nextInt(12)));
            case 4, 5 -> {
                c.addAll(List.of("GEOSEARCH", key));
                if (r.nextBoolean()) c.addAll(List.of("FROMMEMBER", m));
                else c.addAll(List.of("FROMLONLAT", lon, lat));
                if (r.nextBoolean()) c.addAll(List.of("BYRADIUS", radius, unit));
                else c.addAll(List.of("BYBOX", radius, Integer.toString(r.nextInt(3000)), unit));
                options(r, c, true);
            }
            case 6 -> {
                c.addAll(List.of("GEORADIUS", key, lon, lat, radius, unit));
                options(r, c, r.nextBoolean());
                if (c.size() == 6 || !c.get(c.size() - 1).startsWith("WITH")) {
                    if (r.nextInt(3) == 0) c.addAll(List.of(r.nextBoolean() ? "STORE" : "STOREDIST", "g" + r.nextInt(3)));
                }
            }
            case 7 -> {
                c.addAll(List.of("GEORADIUSBYMEMBER_RO", key, m, radius, unit));
                options(r, c, true);
            }
            case 8 -> {
                c.addAll(List.of("GEOSEARCHSTORE", "g" + r.nextInt(3), key, "FROMLONLAT", lon, lat, "BYRADIUS", radius, unit));
                if (r.nextBoolean()) c.add("STOREDIST");
            }
            case 9 -> {
                c.addAll(List.of("PFADD", h));
                for (int i = r.nextInt(40); i > 0; i--) c.add("e" + r.nextInt(500));
            }
            case 10 -> c.addAll(List.of("PFCOUNT", h, "h" + r.nextInt(3)).subList(0, 1 + r.nextInt(2) + 1));
            default -> c.addAll(List.of("PFMERGE", h, "h" + r.nextInt(3), "h" + r.nextInt(3)));
        }
        return c.toArray(new String[0]);
    }

    private static void options(Random r, List<String> c, boolean with) {
        if (r.nextInt(3) == 0) c.add(r.nextBoolean() ? "ASC" : "DESC");
        // COUNT only with a sort order: ties between equal distances may be cut differently
        if (r.nextInt(3) == 0 && (c.contains("ASC") || c.contains("DESC"))) c.addAll(List.of("COUNT", Integer.toString(r.nextInt(5) + 1)));
        if (with && r.nextBoolean()) c.add("WITHDIST");
        if (with && r.nextInt(3) == 0) c.add("WITHCOORD");
        if (with && r.nextInt(3) == 0) c.add("WITHHASH");
    }

    /** A coordinate within ±limit, clustered near a few centres so that searches find points. */
    private static String coord(Random r, double limit) {
        double base = (r.nextInt(3) - 1) * limit / 2;
        double v = Math.max(-limit, Math.min(limit, base + r.nextGaussian() * 5));
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
