package io.cinnabar.persistence.aof;

import io.cinnabar.resp.Argv;
import io.cinnabar.resp.InlineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The multi-part AOF manifest (Redis 7.0 aof.c): one BASE file at most, then HISTORY files waiting
 * for deletion, then the INCR files in order. One line per file, {@code file <name> seq <n> type
 * <b|h|i>}, names quoted as sdscatrepr does when they need it. Mutations work on a {@link #copy()}
 * that replaces the live manifest only once it is on disk, as Redis' aofManifestDup.
 */
public final class AofManifest {
    public static final char BASE = 'b', HISTORY = 'h', INCR = 'i';
    private static final int MAX_LINE = 1024;

    /** One file of the manifest. */
    public record FileInfo(String name, long seq, char type) {
        FileInfo withType(char t) {
            return new FileInfo(name, seq, t);
        }
    }

    FileInfo base;
    final Deque<FileInfo> history = new ArrayDeque<>();
    final List<FileInfo> incr = new ArrayList<>();
    long baseSeq;
    long incrSeq;
    boolean dirty;

    public FileInfo base() {
        return base;
    }

    public List<FileInfo> incr() {
        return incr;
    }

    public List<FileInfo> history() {
        return new ArrayList<>(history);
    }

    public boolean isEmpty() {
        return base == null && incr.isEmpty();
    }

    public AofManifest copy() {
        AofManifest m = new AofManifest();
        m.base = base;
        m.history.addAll(history);
        m.incr.addAll(incr);
        m.baseSeq = baseSeq;
        m.incrSeq = incrSeq;
        m.dirty = dirty;
        return m;
    }

    /** The manifest as written to disk: base, history, incr. */
    public String format() {
        StringBuilder b = new StringBuilder();
        if (base != null) line(b, base);
        for (FileInfo f : history) line(b, f);
        for (FileInfo f : incr) line(b, f);
        return b.toString();
    }

    private static void line(StringBuilder b, FileInfo f) {
        b.append("file ").append(needsRepr(f.name) ? repr(f.name) : f.name).append(" seq ").append(f.seq)
                .append(" type ").append(f.type).append('\n');
    }

    /** sdsneedsrepr: quoting is needed for backslash, quotes, control and space characters. */
    static boolean needsRepr(String s) {
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if (u == '\\' || u == '"' || u < 33 || u >= 127) return true;
        }
        return false;
    }

    /** sdscatrepr: a double-quoted string with C escapes. */
    static String repr(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            switch (u) {
                case '\\': b.append("\\\\"); break;
                case '"': b.append("\\\""); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case 7: b.append("\\a"); break;
                case '\b': b.append("\\b"); break;
                default:
                    if (u >= 32 && u < 127) b.append((char) u);
                    else b.append(String.format("\\x%02x", u));
            }
        }
        return b.append('"').toString();
    }

    /** getNewBaseFileNameAndMarkPreAsHistory: the next BASE name; the previous base becomes history. */
    public String newBase(String aofFilename, boolean rdb) {
        if (base != null) history.addFirst(base.withType(HISTORY));
        base = new FileInfo(aofFilename + "." + (++baseSeq) + ".base" + (rdb ? ".rdb" : ".aof"), baseSeq, BASE);
        dirty = true;
        return base.name;
    }

    /** getNewIncrAofName: a new INCR file at the end of the list. */
    public String newIncr(String aofFilename) {
        FileInfo f = new FileInfo(aofFilename + "." + (++incrSeq) + ".incr.aof", incrSeq, INCR);
        incr.add(f);
        dirty = true;
        return f.name;
    }

    /** getLastIncrAofName: the INCR file to append to, creating one if there is none. */
    public String lastIncr(String aofFilename) {
        return incr.isEmpty() ? newIncr(aofFilename) : incr.get(incr.size() - 1).name;
    }

    /** markRewrittenIncrAofAsHistory: all INCR files but the one being written (if any) become history. */
    public void markRewrittenIncrAsHistory(boolean keepLast) {
        if (incr.isEmpty()) return;
        int keep = keepLast ? 1 : 0;
        for (int i = incr.size() - 1 - keep; i >= 0; i--) history.addFirst(incr.remove(i).withType(HISTORY));
        dirty = true;
    }

    /** For the old single-file upgrade: the old file becomes the BASE, seq 1. */
    public void upgradeBase(String aofFilename) {
        base = new FileInfo(aofFilename, 1, BASE);
        baseSeq = 1;
        dirty = true;
    }

    void clearHistory() {
        history.clear();
        dirty = true;
    }

    /**
     * aofLoadManifestFromFile: strict, as Redis; a bad manifest is fatal. The exception carries the
     * log lines Redis writes ("*** FATAL AOF MANIFEST FILE ERROR ***", the line, the reason).
     */
    public static AofManifest parse(Path file) throws AofException {
        AofManifest am = new AofManifest();
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new AofException("Fatal error: can't open the AOF manifest file " + file + " for reading: "
                    + AofException.reason(e));
        }
        int pos = 0;
        int linenum = 0;
        long maxSeq = 0;
        while (true) {
            if (pos >= data.length) {
                if (linenum == 0) throw manifestError(null, 0, "Found an empty AOF manifest");
                break;
            }
            // fgets with a buffer of MAX_LINE+1: at most MAX_LINE bytes, up to and including '\n'
            int end = pos;
            while (end < data.length && end - pos < MAX_LINE && data[end] != '\n') end++;
            boolean newline = end < data.length && data[end] == '\n';
            int next = newline ? end + 1 : end;
            linenum++;
            if (data[pos] == '#') {
                pos = next;
                continue;
            }
            if (!newline) throw manifestError(null, linenum, "The AOF manifest file contains too long line");
            String line = new String(data, pos, end - pos, StandardCharsets.UTF_8).strip();
            pos = next;
            if (line.isEmpty()) throw manifestError(line, linenum, "Invalid AOF manifest file format");
            Argv argv = new Argv();
            if (!InlineSplitter.split(line.getBytes(StandardCharsets.UTF_8), argv) || argv.size() < 6
                    || argv.size() % 2 != 0) {
                throw manifestError(line, linenum, "Invalid AOF manifest file format");
            }
            String name = null;
            long seq = 0;
            char type = 0;
            for (int i = 0; i < argv.size(); i += 2) {
                String k = argv.str(i);
                if (k.equalsIgnoreCase("file")) {
                    name = new String(argv.get(i + 1), StandardCharsets.UTF_8);
                    if (name.contains("/")) throw manifestError(line, linenum, "File can't be a path, just a filename");
                } else if (k.equalsIgnoreCase("seq")) {
                    seq = atoll(argv.str(i + 1));
                } else if (k.equalsIgnoreCase("type")) {
                    byte[] t = argv.get(i + 1);
                    type = t.length == 0 ? 0 : (char) (t[0] & 0xff);
                }
            }
            if (name == null || seq == 0 || type == 0) throw manifestError(line, linenum, "Invalid AOF manifest file format");
            FileInfo f = new FileInfo(name, seq, type);
            if (type == BASE) {
                if (am.base != null) throw manifestError(line, linenum, "Found duplicate base file information");
                am.base = f;
                am.baseSeq = seq;
            } else if (type == HISTORY) {
                am.history.addLast(f);
            } else if (type == INCR) {
                if (seq <= maxSeq) throw manifestError(line, linenum, "Found a non-monotonic sequence number");
                am.incr.add(f);
                am.incrSeq = seq;
                maxSeq = seq;
            } else {
                throw manifestError(line, linenum, "Unknown AOF file type");
            }
        }
        return am;
    }

    /** C's atoll: leading digits with an optional sign, 0 when there are none. */
    private static long atoll(String s) {
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) v = v * 10 + (s.charAt(i++) - '0');
        return neg ? -v : v;
    }

    private static AofException manifestError(String line, int linenum, String err) {
        List<String> lines = new ArrayList<>();
        lines.add("\n*** FATAL AOF MANIFEST FILE ERROR ***\n");
        if (line != null) {
            lines.add("Reading the manifest file, at line " + linenum + "\n");
            lines.add(">>> '" + line + "'\n");
        }
        lines.add(err + "\n");
        return new AofException(lines);
    }
}
