package io.cinnabar.persistence.aof;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.persistence.rdb.RdbFormatException;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.persistence.rdb.RdbLoader;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Log;
import io.cinnabar.server.Server;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Replays AOF files (Redis 7.0 loadSingleAppendOnlyFile / loadAppendOnlyFiles): an RDB base or
 * preamble first when the file starts with "REDIS", then commands in RESP form, each run by a fake
 * client through the dispatcher (MULTI queued, EXEC run), "#" annotations skipped. A truncated tail
 * is cut at the last whole command when aof-load-truncated allows it (an unfinished MULTI is cut
 * before its MULTI), otherwise loading fails; nothing is half-loaded silently. Log lines are Redis'.
 */
final class AofLoader {
    enum Status { OK, NOT_EXIST, EMPTY, OPEN_ERR, FAILED, TRUNCATED }

    /** fgets buffer of loadSingleAppendOnlyFile (AOF_ANNOTATION_LINE_MAX_LEN). */
    private static final int LINE_MAX = 1024;

    private final Server server;
    private final Path dir;
    private final String aofFilename;
    private final Log log;
    private final Runnable progress;
    long loadedBytes;

    AofLoader(Server server, Path dir, String aofFilename, Runnable progress) {
        this.server = server;
        this.dir = dir;
        this.aofFilename = aofFilename;
        this.log = server.log();
        this.progress = progress;
    }

    /** Size of a file of the manifest, logging as getAppendOnlyFileSize when it cannot be read; -1 then. */
    long size(String name, Status[] status) {
        try {
            long n = Files.size(dir.resolve(name));
            status[0] = Status.OK;
            return n;
        } catch (IOException e) {
            status[0] = e instanceof NoSuchFileException ? Status.NOT_EXIST : Status.OPEN_ERR;
            log.warning("Unable to obtain the AOF file " + name + " length. stat: " + AofException.reason(e));
            return -1;
        }
    }

    /** Loads base then incr files; the caller has emptied the keyspace. */
    Status loadAll(AofManifest am) {
        if (am.isEmpty()) return Status.NOT_EXIST;
        int total = (am.base() != null ? 1 : 0) + am.incr().size();
        long totalSize = 0;
        Status[] st = new Status[1];
        if (am.base() != null) {
            long n = size(am.base().name(), st);
            if (st[0] != Status.OK) return Status.FAILED;
            totalSize += n;
        }
        for (AofManifest.FileInfo f : am.incr()) {
            long n = size(f.name(), st);
            if (st[0] != Status.OK) return Status.FAILED;
            totalSize += n;
        }
        if (totalSize == 0) return Status.EMPTY;
        int num = 0;
        Status ret = Status.OK;
        if (am.base() != null) {
            String name = am.base().name();
            boolean last = ++num == total;
            long t0 = System.nanoTime();
            ret = loadSingle(name);
            ret = afterFile(ret, last, name, "base", t0);
            if (ret == Status.OPEN_ERR || ret == Status.FAILED) return ret;
        }
        for (AofManifest.FileInfo f : am.incr()) {
            boolean last = ++num == total;
            long t0 = System.nanoTime();
            ret = loadSingle(f.name());
            ret = afterFile(ret, last, f.name(), "incr", t0);
            // at least one file has data, so an empty incr file is fine
            if (ret == Status.EMPTY) ret = Status.OK;
            if (ret == Status.OPEN_ERR || ret == Status.FAILED) return ret;
        }
        return ret;
    }

    private Status afterFile(Status ret, boolean last, String name, String kind, long t0) {
        if (ret == Status.OK || (ret == Status.TRUNCATED && last)) {
            log.notice("DB loaded from " + kind + " file " + name + ": "
                    + String.format("%.3f", (System.nanoTime() - t0) / 1e9) + " seconds");
        }
        if (ret == Status.TRUNCATED && !last) {
            log.warning("Fatal error: the truncated file is not the last file");
            return Status.FAILED;
        }
        return ret;
    }

    /** Replays one file. */
    Status loadSingle(String filename) {
        Path path = dir.resolve(filename);
        InputStream raw;
        long fileSize;
        try {
            raw = Files.newInputStream(path);
            fileSize = Files.size(path);
        } catch (NoSuchFileException e) {
            log.warning("The append log file " + filename + " doesn't exist: No such file or directory");
            return Status.NOT_EXIST;
        } catch (IOException e) {
            log.warning("Fatal error: can't open the append log file " + filename + " for reading: "
                    + AofException.reason(e));
            return Status.OPEN_ERR;
        }
        if (fileSize == 0) {
            close(raw);
            return Status.EMPTY;
        }
        ClientConnection fake = server.newFakeClient();
        fake.flags |= ClientConnection.MASTER; // writes are allowed even on a read-only replica
        try (AofInput in = new AofInput(raw)) {
            return replay(in, filename, path, fake);
        } catch (IOException e) {
            log.warning("Unrecoverable error reading the append only file " + filename + ": " + AofException.reason(e));
            return Status.FAILED;
        } finally {
            server.dispatcher().discardTransaction(fake);
        }
    }

    private Status replay(AofInput in, String filename, Path path, ClientConnection fake) throws IOException {
        long validUpTo = 0;
        long validBeforeMulti = 0;
        boolean truncatedOk = server.config().getBool("aof-load-truncated");
        byte[] sig = new byte[5];
        boolean rdb = in.readFully(sig, 0, 5) && new String(sig, StandardCharsets.US_ASCII).equals("REDIS");
        in.close();
        AofInput body = new AofInput(Files.newInputStream(path));
        try {
            if (rdb) {
                boolean oldStyle = filename.equals(aofFilename);
                log.notice(oldStyle ? "Reading RDB preamble from AOF file..." : "Reading RDB base file on AOF loading...");
                try {
                    RdbLoader.Result base = RdbLoader.load(body, server.dbs(), server.clock().millis(), true,
                            new RdbLoadOptions(server.config()));
                    io.cinnabar.scripting.Scripting scripting = server.scripting();
                    for (byte[] code : base.functions) {
                        String err = scripting == null ? null : scripting.functions().loadFromRdb(code, true);
                        if (err != null) log.warning("Failed loading library from the AOF base: " + err);
                    }
                } catch (RdbFormatException | EOFException e) {
                    log.warning(oldStyle ? "Error reading the RDB preamble of the AOF file " + filename
                            + ", AOF loading aborted" : "Error reading the RDB base file " + filename
                            + ", AOF loading aborted");
                    log.warning("Unrecoverable error reading the append only file " + filename + " at offset "
                            + body.offset() + ": " + e.getMessage());
                    return Status.FAILED;
                }
                if (oldStyle) log.notice("Reading the remaining AOF tail...");
                validUpTo = body.offset();
            }
            return commands(body, filename, path, fake, validUpTo, validBeforeMulti, truncatedOk);
        } finally {
            body.close();
        }
    }

    private Status commands(AofInput in, String filename, Path path, ClientConnection fake, long validUpTo,
            long validBeforeMulti, boolean truncatedOk) throws IOException {
        byte[] line = new byte[LINE_MAX];
        Argv argv = new Argv();
        long loops = 0;
        long reported = in.offset();
        while (true) {
            if ((loops++ & 1023) == 0) {
                loadedBytes += in.offset() - reported;
                reported = in.offset();
                progress.run();
            }
            int n = in.readLine(line);
            if (n == 0) break; // end of file between commands
            if (line[0] == '#') continue; // annotation (#TS:...)
            if (line[0] != '*') return formatError(filename);
            if (n == 1) return shortRead(filename, path, validUpTo, truncatedOk);
            long argc = atol(line, 1, n);
            if (argc < 1) return formatError(filename);
            argv.clear();
            for (long j = 0; j < argc; j++) {
                int m = in.readLine(line);
                if (m == 0) return shortRead(filename, path, validUpTo, truncatedOk);
                if (line[0] != '$') return formatError(filename);
                long len = atol(line, 1, m);
                if (len < 0 || len > Integer.MAX_VALUE - 8) return formatError(filename);
                byte[] arg = new byte[(int) len];
                if (!in.readFully(arg, 0, arg.length)) return shortRead(filename, path, validUpTo, truncatedOk);
                byte[] crlf = new byte[2];
                if (!in.readFully(crlf, 0, 2)) return shortRead(filename, path, validUpTo, truncatedOk);
                argv.add(arg);
            }
            CommandEntry e = server.dispatcher().lookup(argv);
            if (e == null) {
                log.warning("Unknown command '" + argv.str(0) + "' reading the append only file " + filename);
                return Status.FAILED;
            }
            if (e.command().spec().name().equals("multi")) validBeforeMulti = validUpTo;
            server.dispatcher().process(fake, argv.copy());
            fake.out().resetTo(0); // the fake client's replies go nowhere
            if (truncatedOk) validUpTo = in.offset();
            int delay = server.config().getInt("key-load-delay");
            if (delay != 0) delayMicros(delay);
        }
        loadedBytes += in.offset() - reported;
        if (fake.has(ClientConnection.MULTI)) {
            log.warning("Revert incomplete MULTI/EXEC transaction in AOF file " + filename);
            return shortRead(filename, path, validBeforeMulti, truncatedOk);
        }
        return Status.OK;
    }

    private Status formatError(String filename) {
        log.warning("Bad file format reading the append only file " + filename + ": make a backup of your AOF file, "
                + "then use ./redis-check-aof --fix <filename.manifest>");
        return Status.FAILED;
    }

    /** Unexpected end of file: truncate at the last whole command when allowed, else fail. */
    private Status shortRead(String filename, Path path, long validUpTo, boolean truncatedOk) {
        if (truncatedOk) {
            log.warning("!!! Warning: short read while loading the AOF file " + filename + "!!!");
            log.warning("!!! Truncating the AOF " + filename + " at offset " + validUpTo + " !!!");
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                ch.truncate(validUpTo);
                log.warning("AOF " + filename + " loaded anyway because aof-load-truncated is enabled");
                return Status.TRUNCATED;
            } catch (IOException e) {
                log.warning("Error truncating the AOF file " + filename + ": " + AofException.reason(e));
            }
        }
        log.warning("Unexpected end of file reading the append only file " + filename + ". You can: "
                + "1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. "
                + "2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.");
        return Status.FAILED;
    }

    /** C's atoi/strtol on line[from, to): optional sign, digits, stops at the first other byte. */
    private static long atol(byte[] line, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (line[i] == '-' || line[i] == '+')) neg = line[i++] == '-';
        long v = 0;
        while (i < to && line[i] >= '0' && line[i] <= '9' && v < Long.MAX_VALUE / 10) v = v * 10 + (line[i++] - '0');
        return neg ? -v : v;
    }

    static void delayMicros(long usec) {
        long nanos = usec < 0 ? -usec : usec * 1000;
        long end = System.nanoTime() + nanos;
        while (nanos > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
            nanos = end - System.nanoTime();
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }
}
