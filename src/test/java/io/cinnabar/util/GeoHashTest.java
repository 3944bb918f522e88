package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Geohash encoding, decoding and distances against values printed by redis-server 7.0.15. */
class GeoHashTest {
    @Test void encodesScoresAsRedis() {
        // GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania; ZSCORE ...
        assertThat(GeoHash.align52(GeoHash.encodeWGS84(13.361389, 38.115556, 26), 26)).isEqualTo(3479099956230698L);
        assertThat(GeoHash.align52(GeoHash.encodeWGS84(15.087269, 37.502669, 26), 26)).isEqualTo(3479447370796909L);
        assertThat(GeoHash.encodeWGS84(181, 0, 26)).isEqualTo(-1);
        assertThat(GeoHash.encodeWGS84(0, 85.06, 26)).isEqualTo(-1);
    }

    @Test void decodesToCellCentres() {
        double[] xy = GeoHash.decodeScore(3479099956230698.0);
        // GEOPOS prints these with "%.17Lf": 13.36138933897018433 38.11555639549629859
        assertThat(xy[0]).isEqualTo(13.361389338970184);
        assertThat(xy[1]).isEqualTo(38.1155563954963);
        assertThat(new String(GeoHash.standardString(3479099956230698.0), StandardCharsets.US_ASCII))
                .isEqualTo("sqc8b49rny0");
        assertThat(new String(GeoHash.standardString(3479447370796909.0), StandardCharsets.US_ASCII))
                .isEqualTo("sqdtr74hyu0");
    }

    @Test void interleavingRoundTrips() {
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 1000; i++) {
            long x = r.nextInt() & 0xffffffffL, y = r.nextInt() & 0xffffffffL;
            assertThat(GeoHash.deinterleave64(GeoHash.interleave64(x, y))).isEqualTo(x | y << 32);
        }
    }

    @Test void distancesAsRedis() {
        double[] a = GeoHash.decodeScore(3479099956230698.0), b = GeoHash.decodeScore(3479447370796909.0);
        // GEODIST Sicily Palermo Catania -> 166274.1516
        assertThat(GeoHash.distance(a[0], a[1], b[0], b[1])).isBetween(166274.15155, 166274.15165);
        assertThat(GeoHash.distance(0, 10, 0, 11)).isEqualTo(GeoHash.EARTH_RADIUS_IN_METERS * Math.toRadians(1), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test void searchAreasCoverTheShapeWithNineCells() {
        GeoHash.Shape s = new GeoHash.Shape();
        s.lon = 15;
        s.lat = 37;
        s.radius = 200;
        s.conversion = 1000;
        long[] cells = GeoHash.searchAreas(s);
        assertThat(cells).hasSize(18);
        assertThat(cells[1]).isBetween(1L, 26L);
        assertThat(s.bounds[1]).isLessThan(37).isGreaterThan(35);
        assertThat(GeoHash.distanceIfWithin(s, 15.087269, 37.502669)).isBetween(56441.0, 56442.0);
        assertThat(GeoHash.distanceIfWithin(s, 13.361389, 38.115556)).isBetween(190442.0, 190443.0);
        s.radius = 100;
        assertThat(GeoHash.distanceIfWithin(s, 13.361389, 38.115556)).isEqualTo(-1);
    }
}
