package io.cinnabar.pubsub;

import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Dict;
import io.cinnabar.store.DictEntry;
import io.cinnabar.util.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's pub/sub state, as Redis' pubsub.c: channel → subscribers, shard channel →
 * subscribers, pattern → subscribers, plus each client's own subscriptions. A published message
 * is written straight into each subscriber's reply buffer, which is flushed with the batch, and
 * the subscriber's output limit (client-output-buffer-limit pubsub) is checked right away.
 */
public final class PubSub {
    /** A channel or pattern with its subscribers, in subscription order. */
    static final class Subscribers extends DictEntry {
        final List<ClientConnection> clients = new ArrayList<>(2);

        Subscribers(byte[] name) {
            super(name, Dict.hash(name));
        }
    }

    private static final byte[] MESSAGE = RespOut.bytes("$7\r\nmessage\r\n");
    private static final byte[] SMESSAGE = RespOut.bytes("$8\r\nsmessage\r\n");
    private static final byte[] PMESSAGE = RespOut.bytes("$8\r\npmessage\r\n");
    private static final byte[] SUBSCRIBE = RespOut.bytes("$9\r\nsubscribe\r\n");
    private static final byte[] SSUBSCRIBE = RespOut.bytes("$10\r\nssubscribe\r\n");
    private static final byte[] PSUBSCRIBE = RespOut.bytes("$10\r\npsubscribe\r\n");
    private static final byte[] UNSUBSCRIBE = RespOut.bytes("$11\r\nunsubscribe\r\n");
    private static final byte[] SUNSUBSCRIBE = RespOut.bytes("$12\r\nsunsubscribe\r\n");
    private static final byte[] PUNSUBSCRIBE = RespOut.bytes("$12\r\npunsubscribe\r\n");

    private final Server server;
    private final Dict<Subscribers> channels = new Dict<>();
    private final Dict<Subscribers> shardChannels = new Dict<>();
    private final Dict<Subscribers> patternIndex = new Dict<>();
    /** The patterns again, for the publish loop (in the order they were first subscribed). */
    private final List<Subscribers> patterns = new ArrayList<>();

    public PubSub(Server server) {
        this.server = server;
        server.onDisconnect(c -> {
            if (c.pubsubState != null) unsubscribeEverything(c, false);
        });
    }

    private static Subscriptions subs(ClientConnection c) {
        Object s = c.pubsubState;
        if (s == null) {
            Subscriptions n = new Subscriptions();
            c.pubsubState = n;
            return n;
        }
        return (Subscriptions) s;
    }

    // ---- subscribing ----

    /** SUBSCRIBE / SSUBSCRIBE of one channel, with its confirmation. */
    public void subscribe(ClientConnection c, byte[] channel, boolean shard) {
        Subscriptions s = subs(c);
        if ((shard ? s.shardChannels : s.channels).add(new Chan(channel))) {
            Dict<Subscribers> d = shard ? shardChannels : channels;
            Subscribers e = d.get(channel);
            if (e == null) {
                e = new Subscribers(channel);
                d.add(e);
            }
            e.clients.add(c);
        }
        c.flags |= ClientConnection.PUBSUB;
        confirm(c, shard ? SSUBSCRIBE : SUBSCRIBE, channel, shard ? s.shardChannels.size() : s.count());
    }

    /** UNSUBSCRIBE / SUNSUBSCRIBE of one channel; true if the client was subscribed. */
    public boolean unsubscribe(ClientConnection c, byte[] channel, boolean shard, boolean notify) {
        Subscriptions s = subs(c);
        boolean was = (shard ? s.shardChannels : s.channels).remove(new Chan(channel));
        if (was) detach(shard ? shardChannels : channels, null, channel, c);
        if (notify) confirm(c, shard ? SUNSUBSCRIBE : UNSUBSCRIBE, channel, shard ? s.shardChannels.size() : s.count());
        return was;
    }

    public void psubscribe(ClientConnection c, byte[] pattern) {
        Subscriptions s = subs(c);
        if (s.patterns.add(new Chan(pattern))) {
            Subscribers e = patternIndex.get(pattern);
            if (e == null) {
                e = new Subscribers(pattern);
                patternIndex.add(e);
                patterns.add(e);
            }
            e.clients.add(c);
        }
        c.flags |= ClientConnection.PUBSUB;
        confirm(c, PSUBSCRIBE, pattern, s.count());
    }

    public boolean punsubscribe(ClientConnection c, byte[] pattern, boolean notify) {
        Subscriptions s = subs(c);
        boolean was = s.patterns.remove(new Chan(pattern));
        if (was) detach(patternIndex, patterns, pattern, c);
        if (notify) confirm(c, PUNSUBSCRIBE, pattern, s.count());
        return was;
    }

    private static void detach(Dict<Subscribers> d, List<Subscribers> order, byte[] name, ClientConnection c) {
        Subscribers e = d.get(name);
        if (e == null) return;
        e.clients.remove(c);
        if (e.clients.isEmpty()) {
            d.remove(name);
            if (order != null) order.remove(e);
        }
    }

    /** UNSUBSCRIBE / SUNSUBSCRIBE without arguments; replies [kind, null, 0] when there was nothing. */
    public int unsubscribeAll(ClientConnection c, boolean shard, boolean notify) {
        Subscriptions s = subs(c);
        int n = 0;
        for (Chan ch : (shard ? s.shardChannels : s.channels).toArray(new Chan[0])) {
            if (unsubscribe(c, ch.name, shard, notify)) n++;
        }
        if (notify && n == 0) confirm(c, shard ? SUNSUBSCRIBE : UNSUBSCRIBE, null, shard ? s.shardChannels.size() : s.count());
        return n;
    }

    public int punsubscribeAll(ClientConnection c, boolean notify) {
        Subscriptions s = subs(c);
        int n = 0;
        for (Chan p : s.patterns.toArray(new Chan[0])) {
            if (punsubscribe(c, p.name, notify)) n++;
        }
        if (notify && n == 0) confirm(c, PUNSUBSCRIBE, null, s.count());
        return n;
    }

    /** Everything at once (disconnect, RESET); clears the PUBSUB flag. */
    public void unsubscribeEverything(ClientConnection c, boolean notify) {
        unsubscribeAll(c, true, notify);
        unsubscribeAll(c, false, notify);
        punsubscribeAll(c, notify);
        c.flags &= ~ClientConnection.PUBSUB;
    }

    /** Leaves pub/sub mode when nothing is subscribed any more. */
    public void updateFlag(ClientConnection c) {
        if (c.pubsubState == null || subs(c).total() == 0) c.flags &= ~ClientConnection.PUBSUB;
    }

    private static void confirm(ClientConnection c, byte[] kind, byte[] name, int count) {
        RespOut out = c.out();
        out.pushHeader(3);
        out.raw(kind);
        if (name == null) out.nullBulk();
        else out.bulk(name);
        out.integer(count);
        out.keepPushes();
    }

    // ---- publishing ----

    /** PUBLISH / SPUBLISH: writes the message to every subscriber; returns how many received it. */
    public int publish(byte[] channel, byte[] message, boolean shard) {
        int receivers = 0;
        Subscribers e = (shard ? shardChannels : channels).get(channel);
        if (e != null) {
            for (int i = 0; i < e.clients.size(); i++) {
                ClientConnection c = e.clients.get(i);
                receivers++;
                if (c.has(ClientConnection.CLOSE_ASAP)) continue; // being closed: write nothing more
                RespOut out = c.out();
                out.pushHeader(3);
                out.raw(shard ? SMESSAGE : MESSAGE);
                out.bulk(channel);
                out.bulk(message);
                delivered(c);
            }
        }
        if (shard) return receivers; // shard channels ignore patterns
        for (int p = 0; p < patterns.size(); p++) {
            Subscribers pat = patterns.get(p);
            if (!Glob.match(pat.key(), channel, false)) continue;
            for (int i = 0; i < pat.clients.size(); i++) {
                ClientConnection c = pat.clients.get(i);
                receivers++;
                if (c.has(ClientConnection.CLOSE_ASAP)) continue;
                RespOut out = c.out();
                out.pushHeader(4);
                out.raw(PMESSAGE);
                out.bulk(pat.key());
                out.bulk(channel);
                out.bulk(message);
                delivered(c);
            }
        }
        return receivers;
    }

    private void delivered(ClientConnection c) {
        c.out().keepPushes();
        server.markPendingFlush(c);
        server.outputLimits().check(c);
    }

    // ---- introspection ----

    /** PUBSUB CHANNELS / SHARDCHANNELS: active channels matching pattern (null: all). */
    public List<byte[]> channels(byte[] pattern, boolean shard) {
        List<byte[]> out = new ArrayList<>();
        (shard ? shardChannels : channels).forEach(e -> {
            if (pattern == null || Glob.match(pattern, e.key(), false)) out.add(e.key());
        });
        return out;
    }

    public int numsub(byte[] channel, boolean shard) {
        Subscribers e = (shard ? shardChannels : channels).get(channel);
        return e == null ? 0 : e.clients.size();
    }

    public int numpat() {
        return patterns.size();
    }

    /** Channels + patterns with subscribers (INFO stats pubsub_channels / pubsub_patterns). */
    public int channelCount() {
        return channels.size();
    }

    public int shardChannelCount() {
        return shardChannels.size();
    }

    /** A client's channels (0), patterns (1) or shard channels (2), for ACL revocations. */
    public static List<byte[]> subscriptions(ClientConnection c, int kind) {
        List<byte[]> out = new ArrayList<>();
        if (!(c.pubsubState instanceof Subscriptions s)) return out;
        for (Chan ch : kind == 0 ? s.channels : kind == 1 ? s.patterns : s.shardChannels) out.add(ch.name);
        return out;
    }

    /** A client's subscription counts for CLIENT LIST: {sub, psub, ssub}. */
    public static int[] clientCounts(ClientConnection c) {
        if (!(c.pubsubState instanceof Subscriptions s)) return new int[3];
        return new int[] {s.channels.size(), s.patterns.size(), s.shardChannels.size()};
    }
}
