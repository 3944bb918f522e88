package io.cinnabar.command.strings;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** String and bitmap commands, errors included, byte for byte against a real redis-server. */
class StringsDifferentialTest extends DifferentialTestBase {

    @Test void script() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("strings-script.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Differential d = new Differential(ours.port(), redis.port())) {
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                d.check(tokenize(line));
            }
        }
    }

    /** Random INCRBYFLOAT operands: the long double emulation must print exactly what Redis prints. */
    @Test void incrByFloatRandom() {
        Random rnd = new Random(42);
        try (Differential d = new Differential(ours.port(), redis.port())) {
            for (int i = 0; i < 400; i++) {
                if (i % 20 == 0) d.check("DEL", "fl");
                String op = switch (rnd.nextInt(5)) {
                    case 0 -> Double.toString(rnd.nextDouble() * 1000 - 500);
                    case 1 -> (rnd.nextInt(2000) - 1000) + "." + rnd.nextInt(1000);
                    case 2 -> rnd.nextInt(100) + "e" + (rnd.nextInt(40) - 20);
                    case 3 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
                    default -> "0." + String.format("%018d", Math.abs(rnd.nextLong() % 1_000_000_000_000_000_000L));
                };
                d.check("INCRBYFLOAT", "fl", op);
            }
        }
    }

    /** Random bit and bitfield operations over a few keys. */
    @Test void bitsRandom() {
        Random rnd = new Random(7);
        String[] types = {"u1", "u3", "u8", "i8", "u16", "i13", "i32", "u63", "i64", "u31", "i2"};
        String[] ow = {"WRAP", "SAT", "FAIL"};
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.check("DEL", "rb0", "rb1", "rb2", "rbd");
            for (int i = 0; i < 600; i++) {
                String k = "rb" + rnd.nextInt(3);
                switch (rnd.nextInt(7)) {
                    case 0 -> d.check("SETBIT", k, Integer.toString(rnd.nextInt(200)), Integer.toString(rnd.nextInt(2)));
                    case 1 -> d.check("BITCOUNT", k, Integer.toString(rnd.nextInt(60) - 30),
                            Integer.toString(rnd.nextInt(60) - 30), rnd.nextBoolean() ? "BIT" : "BYTE");
                    case 2 -> {
                        if (rnd.nextBoolean()) {
                            d.check("BITPOS", k, Integer.toString(rnd.nextInt(2)), Integer.toString(rnd.nextInt(200) - 100),
                                    Integer.toString(rnd.nextInt(200) - 100), rnd.nextBoolean() ? "BIT" : "BYTE");
                        } else {
                            d.check("BITPOS", k, Integer.toString(rnd.nextInt(2)), Integer.toString(rnd.nextInt(40) - 20));
                        }
                    }
                    case 3 -> d.check("BITOP", new String[] {"AND", "OR", "XOR", "NOT"}[rnd.nextInt(4)], "rbd", k);
                    case 4 -> d.check("BITFIELD", k, "OVERFLOW", ow[rnd.nextInt(3)], "INCRBY", types[rnd.nextInt(types.length)],
                            Integer.toString(rnd.nextInt(150)), Long.toString(rnd.nextLong() >> rnd.nextInt(64)),
                            "GET", types[rnd.nextInt(types.length)], "#" + rnd.nextInt(10));
                    case 5 -> d.check("BITFIELD", k, "OVERFLOW", ow[rnd.nextInt(3)], "SET", types[rnd.nextInt(types.length)],
                            Integer.toString(rnd.nextInt(150)), Long.toString(rnd.nextLong() >> rnd.nextInt(64)));
                    default -> d.check("LCS", k, "rb" + rnd.nextInt(3), "IDX", "MINMATCHLEN",
                            Integer.toString(rnd.nextInt(3)), "WITHMATCHLEN");
                }
            }
        }
    }

    /** Splits a line as redis-cli does: spaces separate, double quotes group, with \xHH, \n, \" escapes. */
    static byte[][] tokenize(String line) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i >= n) break;
            ByteArrayOutputStream tok = new ByteArrayOutputStream();
            if (line.charAt(i) == '"') {
                i++;
                while (i < n && line.charAt(i) != '"') {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        char e = line.charAt(i++);
                        if (e == 'x') {
                            tok.write(Integer.parseInt(line.substring(i, i + 2), 16));
                            i += 2;
                        } else {
                            tok.write(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
                        }
                    } else {
                        tok.write(c);
                    }
                }
                i++;
            } else {
                while (i < n && line.charAt(i) != ' ') tok.write(line.charAt(i++));
            }
            out.add(tok.toByteArray());
        }
        return out.toArray(new byte[0][]);
    }
}
