package io.cinnabar.util;

/**
 * Redis' 52-bit interleaved geohash and its search helpers (geohash.c, geohash_helper.c): encoding
 * within latitude ±85.05112878 (the Mercator limits) and longitude ±180, decoding to the centre
 * of a cell, the 8 neighbour cells, the cells covering a search shape, and haversine distances on
 * a sphere of radius 6372797.560856 m. Hash values are (bits, step) pairs; step 0 marks a
 * neighbour dropped from the search.
 */
public final class GeoHash {
    private GeoHash() {}

    public static final double LAT_MIN = -85.05112878, LAT_MAX = 85.05112878, LONG_MIN = -180, LONG_MAX = 180;
    public static final int STEP_MAX = 26;
    public static final double EARTH_RADIUS_IN_METERS = 6372797.560856;
    private static final double MERCATOR_MAX = 20037726.37;
    private static final double D_R = Math.PI / 180.0;

    /** A search area: a circle (radius) or an axis-aligned box (width, height), in units of {@code conversion} metres. */
    public static final class Shape {
        public double lon, lat;
        public boolean box;
        public double radius, width, height, conversion;
        /** Filled by {@link #searchAreas}: min lon, min lat, max lon, max lat. */
        public final double[] bounds = new double[4];
    }

    // ---- bit interleaving ----

    private static final long[] B = {0x5555555555555555L, 0x3333333333333333L, 0x0F0F0F0F0F0F0F0FL,
        0x00FF00FF00FF00FFL, 0x0000FFFF0000FFFFL, 0x00000000FFFFFFFFL};

    /** Interleaves the low 32 bits of x (even positions) and y (odd positions). */
    static long interleave64(long x, long y) {
        x &= 0xffffffffL;
        y &= 0xffffffffL;
        for (int i = 4; i >= 0; i--) {
            int s = 1 << i;
            x = (x | (x << s)) & B[i];
            y = (y | (y << s)) & B[i];
        }
        return x | (y << 1);
    }

    /** The inverse of {@link #interleave64}: x in the low 32 bits, y in the high 32. */
    static long deinterleave64(long interleaved) {
        long x = interleaved, y = interleaved >>> 1;
        for (int i = 0; i <= 5; i++) {
            int s = i == 0 ? 0 : 1 << (i - 1);
            x = (x | (x >>> s)) & B[i];
            y = (y | (y >>> s)) & B[i];
        }
        return x | (y << 32);
    }

    // ---- encode / decode ----

    /** geohashEncode within the given ranges; -1 when out of range. */
    public static long encode(double lonMin, double lonMax, double latMin, double latMax, double lon, double lat,
            int step) {
        if (lon > LONG_MAX || lon < LONG_MIN || lat > LAT_MAX || lat < LAT_MIN) return -1;
        if (lat < latMin || lat > latMax || lon < lonMin || lon > lonMax) return -1;
        double latOffset = (lat - latMin) / (latMax - latMin);
        double lonOffset = (lon - lonMin) / (lonMax - lonMin);
        latOffset *= (double) (1L << step);
        lonOffset *= (double) (1L << step);
        return interleave64((long) latOffset, (long) lonOffset); // C's double → uint32_t truncation
    }

    /** geohashEncodeWGS84; -1 when out of range. */
    public static long encodeWGS84(double lon, double lat, int step) {
        return encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, lon, lat, step);
    }

    /** geohashAlign52Bits: the cell's bits shifted to 52 bits (a sorted-set score). */
    public static long align52(long bits, int step) {
        return bits << (52 - step * 2);
    }

    /** geohashDecode within the standard ranges: {lon min, lon max, lat min, lat max}. */
    public static double[] decodeArea(long bits, int step) {
        long sep = deinterleave64(bits);
        double latScale = LAT_MAX - LAT_MIN, lonScale = LONG_MAX - LONG_MIN;
        long ilato = sep & 0xffffffffL, ilono = sep >>> 32;
        double div = (double) (1L << step);
        return new double[] {
            LONG_MIN + (ilono * 1.0 / div) * lonScale, LONG_MIN + ((ilono + 1) * 1.0 / div) * lonScale,
            LAT_MIN + (ilato * 1.0 / div) * latScale, LAT_MIN + ((ilato + 1) * 1.0 / div) * latScale};
    }

    /** decodeGeohash: a 52-bit score to the centre of its cell, {lon, lat}, clamped to the valid ranges. */
    public static double[] decodeScore(double score) {
        double[] a = decodeArea((long) score, STEP_MAX);
        double lon = (a[0] + a[1]) / 2, lat = (a[2] + a[3]) / 2;
        lon = Math.max(LONG_MIN, Math.min(LONG_MAX, lon));
        lat = Math.max(LAT_MIN, Math.min(LAT_MAX, lat));
        return new double[] {lon, lat};
    }

    /** GEOHASH's standard 11-character base32 string for a score (re-encoded with latitude ±90). */
    public static byte[] standardString(double score) {
        final String alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";
        double[] xy = decodeScore(score);
        long bits = encode(-180, 180, -90, 90, xy[0], xy[1], 26);
        byte[] out = new byte[11];
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - ((i + 1) * 5))) & 0x1f);
            out[i] = (byte) alphabet.charAt(idx);
        }
        return out;
    }

    // ---- neighbours ----

    private static final long X_BITS = 0xaaaaaaaaaaaaaaaaL, Y_BITS = 0x5555555555555555L;

    /** geohash_move_x / geohash_move_y: one cell east/west (mask X_BITS) or north/south (Y_BITS). */
    private static long move(long bits, int step, int d, long mask) {
        if (d == 0) return bits;
        long v = bits & mask, keep = bits & ~mask;
        long zz = ~mask >>> (64 - step * 2);
        if (d > 0) v = v + (zz + 1);
        else {
            v = v | zz;
            v = v - (zz + 1);
        }
        v &= mask >>> (64 - step * 2);
        return v | keep;
    }

    private static long moveX(long bits, int step, int d) {
        return move(bits, step, d, X_BITS);
    }

    private static long moveY(long bits, int step, int d) {
        return move(bits, step, d, Y_BITS);
    }

    // order of Redis' membersOfAllNeighbors: self, N, S, E, W, NE, NW, SE, SW
    private static final int[] DX = {0, 0, 0, 1, -1, 1, -1, 1, -1};
    private static final int[] DY = {0, 1, -1, 0, 0, 1, 1, -1, -1};

    /**
     * geohashCalculateAreasByShapeWGS84: the 9 cells (centre first, then N, S, E, W, NE, NW, SE, SW)
     * to scan for {@code shape}, as {bits, step} pairs in a long[18]; a dropped cell has step 0.
     * Also fills the shape's bounding box.
     */
    public static long[] searchAreas(Shape shape) {
        boundingBox(shape);
        double minLon = shape.bounds[0], minLat = shape.bounds[1], maxLon = shape.bounds[2], maxLat = shape.bounds[3];
        double radius = shape.box
                ? Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2))
                : shape.radius;
        radius *= shape.conversion;
        int steps = estimateSteps(radius, shape.lat);
        long hash = encodeWGS84(shape.lon, shape.lat, steps);
        double[] n = decodeArea(moveY(hash, steps, 1), steps), s = decodeArea(moveY(hash, steps, -1), steps);
        double[] e = decodeArea(moveX(hash, steps, 1), steps), w = decodeArea(moveX(hash, steps, -1), steps);
        boolean decrease = n[3] < maxLat || s[2] > minLat || e[1] < maxLon || w[0] > minLon;
        if (steps > 1 && decrease) {
            steps--;
            hash = encodeWGS84(shape.lon, shape.lat, steps);
        }
        double[] area = decodeArea(hash, steps);
        long[] out = new long[18];
        for (int i = 0; i < 9; i++) {
            out[2 * i] = moveY(moveX(hash, steps, DX[i]), steps, DY[i]);
            out[2 * i + 1] = steps;
        }
        if (steps >= 2) {
            for (int i = 1; i < 9; i++) {
                if ((area[2] < minLat && DY[i] < 0) || (area[3] > maxLat && DY[i] > 0)
                        || (area[0] < minLon && DX[i] < 0) || (area[1] > maxLon && DX[i] > 0)) {
                    out[2 * i] = 0;
                    out[2 * i + 1] = 0;
                }
            }
        }
        return out;
    }

    /** geohashEstimateStepsByRadius. */
    static int estimateSteps(double rangeMeters, double lat) {
        if (rangeMeters == 0) return 26;
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) step--;
        }
        return Math.max(1, Math.min(26, step));
    }

    /** geohashBoundingBox. */
    static void boundingBox(Shape shape) {
        double height = shape.conversion * (shape.box ? shape.height / 2 : shape.radius);
        double width = shape.conversion * (shape.box ? shape.width / 2 : shape.radius);
        double latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
        double lonDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(shape.lat + latDelta)));
        double lonDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(shape.lat - latDelta)));
        boolean south = shape.lat < 0;
        shape.bounds[0] = south ? shape.lon - lonDeltaBottom : shape.lon - lonDeltaTop;
        shape.bounds[2] = south ? shape.lon + lonDeltaBottom : shape.lon + lonDeltaTop;
        shape.bounds[1] = shape.lat - latDelta;
        shape.bounds[3] = shape.lat + latDelta;
    }

    // ---- distances ----

    private static double degRad(double ang) {
        return ang * D_R;
    }

    private static double radDeg(double ang) {
        return ang / D_R;
    }

    static double latDistance(double lat1, double lat2) {
        return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2) - degRad(lat1));
    }

    /** geohashGetDistance: haversine great-circle distance in metres. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        double lon1r = degRad(lon1), lon2r = degRad(lon2);
        double v = Math.sin((lon2r - lon1r) / 2);
        if (v == 0.0) return latDistance(lat1, lat2);
        double lat1r = degRad(lat1), lat2r = degRad(lat2);
        double u = Math.sin((lat2r - lat1r) / 2);
        double a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
    }

    /**
     * geoWithinShape for a decoded point: the distance from the shape's centre, or -1 when the
     * point is outside (beyond the radius, or outside the box by latitude or longitude distance).
     */
    public static double distanceIfWithin(Shape shape, double lon, double lat) {
        if (!shape.box) {
            double d = distance(shape.lon, shape.lat, lon, lat);
            return d > shape.radius * shape.conversion ? -1 : d;
        }
        if (latDistance(lat, shape.lat) > shape.height * shape.conversion / 2) return -1;
        if (distance(lon, lat, shape.lon, lat) > shape.width * shape.conversion / 2) return -1;
        return distance(shape.lon, shape.lat, lon, lat);
    }
}
