package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;
import io.cinnabar.util.Numbers;

/** The options XADD and XTRIM share (streamParseAddOrTrimArgsOrReply), and the trim they ask for. */
final class TrimArgs {
    static final int NONE = 0, MAXLEN = 1, MINID = 2;

    int strategy = NONE;
    /** Index of the MAXLEN count / MINID id argument (for rewriting on propagation). */
    int argIdx;
    boolean approx;
    long maxLen;
    StreamId minId;
    long limit;
    // XADD only
    boolean noMkStream;
    boolean idGiven;
    boolean seqGiven = true;
    StreamId id;
    /** XADD: position of the ID argument. */
    int idPos;

    static TrimArgs parse(Ctx ctx, Argv argv, boolean xadd) {
        TrimArgs a = new TrimArgs();
        boolean limitGiven = false;
        int i = 2;
        int argc = argv.size();
        for (; i < argc; i++) {
            int more = argc - 1 - i;
            byte[] opt = argv.get(i);
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if ((argv.is(i, "maxlen") || argv.is(i, "minid")) && more > 0) {
                boolean byLen = argv.is(i, "maxlen");
                if (a.strategy != NONE) {
                    throw Errors.err("syntax error, MAXLEN and MINID options at the same time are not compatible");
                }
                a.approx = false;
                byte[] next = argv.get(i + 1);
                if (more >= 2 && next.length == 1 && (next[0] == '~' || next[0] == '=')) {
                    a.approx = next[0] == '~';
                    i++;
                }
                if (byLen) {
                    a.maxLen = argv.longArg(i + 1);
                    if (a.maxLen < 0) throw Errors.err("The MAXLEN argument must be >= 0.");
                    a.strategy = MAXLEN;
                } else {
                    a.minId = Streams.parseStrict(argv.get(i + 1));
                    a.strategy = MINID;
                }
                i++;
                a.argIdx = i;
            } else if (argv.is(i, "limit") && more > 0) {
                a.limit = argv.longArg(i + 1);
                if (a.limit < 0) throw Errors.err("The LIMIT argument must be >= 0.");
                limitGiven = true;
                i++;
            } else if (xadd && argv.is(i, "nomkstream")) {
                a.noMkStream = true;
            } else if (xadd) {
                boolean[] seq = new boolean[1];
                a.id = Streams.parseId(argv.get(i), 0, true, seq);
                a.seqGiven = seq[0];
                a.idGiven = true;
                break;
            } else {
                throw Errors.SYNTAX;
            }
        }
        a.idPos = i;
        if (a.limit != 0 && a.strategy == NONE) {
            throw Errors.err("syntax error, LIMIT cannot be used without specifying a trimming strategy");
        }
        if (!xadd && a.strategy == NONE) {
            throw Errors.err("syntax error, XTRIM must be called with a trimming strategy");
        }
        ClientConnection c = ctx.client();
        if (c.has(ClientConnection.MASTER) || c.isFake()) {
            a.limit = 0; // replicated/loaded commands were rewritten to be exact
        } else if (limitGiven) {
            if (!a.approx) throw Errors.err("syntax error, LIMIT cannot be used without the special ~ option");
        } else if (a.approx) {
            long l = 100 * ctx.server().config().getLong("stream-node-max-entries");
            if (l <= 0) l = 10000;
            if (l > 1000000) l = 1000000;
            a.limit = l;
        } else {
            a.limit = 0;
        }
        return a;
    }

    long trim(StreamValue s) {
        if (strategy == NONE) return 0;
        return s.trim(maxLen, strategy == MINID ? minId : null, approx, limit);
    }

    /** An approximate trim replays as an exact one to the length (or first ID) it left. */
    void rewriteForPropagation(byte[][] args, StreamValue s) {
        if (!approx) return;
        args[argIdx - 1] = EQUALS;
        args[argIdx] = strategy == MAXLEN ? Numbers.longToBytes(s.length()) : s.firstIdWithTombstones().toBytes();
    }

    private static final byte[] EQUALS = {'='};
}
