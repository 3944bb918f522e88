package io.cinnabar.command.server;

import io.cinnabar.resp.Argv;
import java.util.concurrent.ThreadLocalRandom;

/** LOLWUT's art (lolwut.c, lolwut5.c, lolwut6.c): a pixel canvas rendered as Braille dots or ANSI colours. */
final class Lolwut {
    private Lolwut() {}

    /** REDIS_VERSION, which LOLWUT prints (HELLO and INFO say the same). */
    private static final String VERSION = "7.0.15";

    static String versionLine() {
        return "Redis ver. " + VERSION + "\n";
    }

    /** A canvas of pixels (colours 0..3); reads and writes outside are ignored. */
    private static final class Canvas {
        final int width, height;
        final byte[] pixels;

        Canvas(int width, int height, int bg) {
            this.width = width;
            this.height = height;
            this.pixels = new byte[width * height];
            java.util.Arrays.fill(pixels, (byte) bg);
        }

        void set(int x, int y, int color) {
            if (x >= 0 && x < width && y >= 0 && y < height) pixels[x + y * width] = (byte) color;
        }

        int get(int x, int y) {
            return x >= 0 && x < width && y >= 0 && y < height ? pixels[x + y * width] : 0;
        }

        /** Bresenham. */
        void line(int x1, int y1, int x2, int y2, int color) {
            int dx = Math.abs(x2 - x1), dy = Math.abs(y2 - y1);
            int sx = x1 < x2 ? 1 : -1, sy = y1 < y2 ? 1 : -1;
            int err = dx - dy;
            while (true) {
                set(x1, y1, color);
                if (x1 == x2 && y1 == y2) break;
                int e2 = err * 2;
                if (e2 > -dy) {
                    err -= dy;
                    x1 += sx;
                }
                if (e2 < dx) {
                    err += dx;
                    y1 += sy;
                }
            }
        }

        /** A square centred at x,y, of the given side, rotated by angle. */
        void square(int x, int y, float size, float angle, int color) {
            size = (float) Math.rint((float) (size / 1.4142135623));
            int[] px = new int[4], py = new int[4];
            float k = (float) (Math.PI / 4 + angle);
            for (int j = 0; j < 4; j++) {
                px[j] = (int) Math.round(Math.sin(k) * size + x);
                py[j] = (int) Math.round(Math.cos(k) * size + y);
                k += (float) (Math.PI / 2);
            }
            for (int j = 0; j < 4; j++) line(px[j], py[j], px[(j + 1) % 4], py[(j + 1) % 4], color);
        }
    }

    private static long arg(Argv argv, int i, long dflt, long min, long max) {
        long v = argv.size() > i ? argv.longArg(i) : dflt;
        return Math.max(min, Math.min(max, v));
    }

    /** Version 5: Georg Nees' Schotter, squares more and more disordered down the rows, in Braille dots. */
    static String schotter(Argv argv, int from) {
        int cols = (int) arg(argv, from, 66, 1, 1000);
        int perRow = (int) arg(argv, from + 1, 8, 1, 200);
        int perCol = (int) arg(argv, from + 2, 12, 1, 200);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int width = cols * 2, padding = width > 4 ? 2 : 0;
        float side = (float) (width - padding * 2) / perRow;
        Canvas c = new Canvas(width, (int) (side * perCol + padding * 2), 0);
        for (int y = 0; y < perCol; y++) {
            for (int x = 0; x < perRow; x++) {
                int sx = (int) (x * side + side / 2 + padding), sy = (int) (y * side + side / 2 + padding);
                float angle = 0;
                if (y > 1) {
                    float r1 = rnd.nextFloat() / perCol * y, r2 = rnd.nextFloat() / perCol * y;
                    float r3 = rnd.nextFloat() / perCol * y;
                    if (rnd.nextBoolean()) r1 = -r1;
                    if (rnd.nextBoolean()) r2 = -r2;
                    if (rnd.nextBoolean()) r3 = -r3;
                    angle = r1;
                    sx += (int) (r2 * side / 3);
                    sy += (int) (r3 * side / 3);
                }
                c.square(sx, sy, side, angle, 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < c.height; y += 4) {
            for (int x = 0; x < c.width; x += 2) {
                int b = c.get(x, y) | c.get(x, y + 1) << 1 | c.get(x, y + 2) << 2 | c.get(x + 1, y) << 3
                        | c.get(x + 1, y + 1) << 4 | c.get(x + 1, y + 2) << 5 | c.get(x, y + 3) << 6
                        | c.get(x + 1, y + 3) << 7;
                sb.append((char) (0x2800 + b));
            }
            if (y != c.height - 1) sb.append('\n');
        }
        return sb.append("\nGeorg Nees - schotter, plotter on paper, 1968. Redis ver. ").append(VERSION)
                .append('\n').toString();
    }

    /** Version 6: a city skyline in three grays with lit windows, as ANSI background colours. */
    static String skyscrapers(Argv argv, int from) {
        int cols = (int) arg(argv, from, 80, 1, 1000), rows = (int) arg(argv, from + 1, 20, 1, 1000);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Canvas c = new Canvas(cols, rows, 3);
        for (int color = 2; color >= 1; color--) {
            for (int offset = -10; offset < c.width;) {
                offset += rnd.nextInt(8);
                int w = 10 + rnd.nextInt(9);
                int h = c.height / 2 + (color == 2 ? rnd.nextInt(1 << 30) % c.height / 2 : rnd.nextInt(1 << 30) % c.height / 3);
                skyscraper(c, rnd, offset, w, h, false, color);
                offset += color == 2 ? w / 2 : w + 1;
            }
        }
        for (int offset = -10; offset < c.width;) {
            offset += rnd.nextInt(8);
            int w = 5 + rnd.nextInt(14);
            if (w % 4 != 0) w += w % 3;
            int h = c.height / 3 + rnd.nextInt(1 << 30) % c.height / 2;
            skyscraper(c, rnd, offset, w, h, true, 0);
            offset += w + 5;
        }
        String[] esc = {"0;30;40m", "0;90;100m", "0;37;47m", "0;97;107m"};
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) sb.append("\033[").append(esc[c.get(x, y)]).append(" \033[0m");
            if (y != c.height - 1) sb.append('\n');
        }
        return sb.append("\nDedicated to the 8 bit game developers of past and present.\n")
                .append("Original 8 bit image from Plaguemon by hikikomori. Redis ver. ").append(VERSION)
                .append('\n').toString();
    }

    private static void skyscraper(Canvas c, ThreadLocalRandom rnd, int xoff, int width, int height, boolean windows,
            int color) {
        int starty = c.height - 1, endy = starty - height + 1;
        for (int y = starty; y >= endy; y--) {
            for (int x = xoff; x < xoff + width; x++) {
                if (y == endy && (x <= xoff + 1 || x >= xoff + width - 2)) continue; // narrower roof
                int col = color;
                if (windows && x > xoff + 1 && x < xoff + width - 2 && y > endy + 1 && y < starty - 1) {
                    int relx = x - (xoff + 1), rely = y - (endy + 1);
                    if ((relx / 2) % 2 != 0 && rely % 2 != 0) {
                        do {
                            col = 1 + rnd.nextInt(2);
                        } while (col == color);
                        if (relx % 2 != 0) col = c.get(x - 1, y);
                    }
                }
                c.set(x, y, col);
            }
        }
    }
}
