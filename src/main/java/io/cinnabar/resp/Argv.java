package io.cinnabar.resp;

import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The argument vector of one command: argv[0] is the command name. The decoder fills a reused
 * instance; each argument is its own exactly sized {@code byte[]}, so a command may hand an
 * argument to the store ({@link #get(int)}) without copying it. {@link #copy()} detaches a vector
 * that must outlive the current command (MULTI queue, a blocked client).
 */
public final class Argv {
    private byte[][] args;
    private int size;

    public Argv() {
        this(new byte[8][]);
    }

    private Argv(byte[][] args) {
        this.args = args;
    }

    public static Argv of(byte[]... args) {
        Argv a = new Argv(args.clone());
        a.size = args.length;
        return a;
    }

    public static Argv of(String... args) {
        byte[][] b = new byte[args.length][];
        for (int i = 0; i < args.length; i++) b[i] = args[i].getBytes(StandardCharsets.UTF_8);
        Argv a = new Argv(b);
        a.size = b.length;
        return a;
    }

    public int size() {
        return size;
    }

    public byte[] get(int i) {
        return args[i];
    }

    /** Replaces argument i (used when a command rewrites its own argv for propagation). */
    public void set(int i, byte[] value) {
        args[i] = value;
    }

    /** The argument as text, for options, names and error messages; never for keys or values. */
    public String str(int i) {
        return new String(args[i], StandardCharsets.UTF_8);
    }

    /** True when argument i equals the lowercase ASCII word {@code lower}, ignoring case. */
    public boolean is(int i, String lower) {
        return i < size && equalsIgnoreCase(args[i], lower);
    }

    public static boolean equalsIgnoreCase(byte[] b, String lower) {
        int n = lower.length();
        if (b.length != n) return false;
        for (int j = 0; j < n; j++) {
            int c = b[j];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower.charAt(j)) return false;
        }
        return true;
    }

    /** Parses argument i as a Redis integer (string2ll rules), or throws "value is not an integer". */
    public long longArg(int i) {
        return parseLong(args[i], Errors.NOT_INTEGER);
    }

    public long longArg(int i, RedisError error) {
        return parseLong(args[i], error);
    }

    public static long parseLong(byte[] b, RedisError error) {
        return io.cinnabar.util.Numbers.parseLong(b, error);
    }

    public void add(byte[] arg) {
        if (size == args.length) args = Arrays.copyOf(args, size * 2);
        args[size++] = arg;
    }

    public void ensureCapacity(int n) {
        if (args.length < n) args = Arrays.copyOf(args, n);
    }

    public void clear() {
        Arrays.fill(args, 0, size, null);
        size = 0;
    }

    /** A detached copy that shares the argument arrays (they are never mutated in place). */
    public Argv copy() {
        Argv a = new Argv(Arrays.copyOf(args, Math.max(size, 1)));
        a.size = size;
        return a;
    }

    /** A copy holding arguments [from, size). */
    public byte[][] toArray() {
        return Arrays.copyOf(args, size);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(' ');
            sb.append(str(i));
        }
        return sb.toString();
    }
}
