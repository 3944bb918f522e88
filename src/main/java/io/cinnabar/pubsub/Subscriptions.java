package io.cinnabar.pubsub;

import java.util.LinkedHashSet;

/** One client's subscriptions (its {@code pubsubState}): channels, patterns and shard channels. */
final class Subscriptions {
    final LinkedHashSet<Chan> channels = new LinkedHashSet<>();
    final LinkedHashSet<Chan> patterns = new LinkedHashSet<>();
    final LinkedHashSet<Chan> shardChannels = new LinkedHashSet<>();

    /** clientSubscriptionsCount: what SUBSCRIBE/PSUBSCRIBE replies count. */
    int count() {
        return channels.size() + patterns.size();
    }

    int total() {
        return count() + shardChannels.size();
    }
}
