package io.cinnabar.command;

/** Publishes keyspace notifications (implemented by pub/sub; absent means none are sent). */
public interface KeyspaceNotifier {
    /** True when {@code type} is enabled in notify-keyspace-events (cheap pre-check). */
    boolean enabled(int type);

    void notify(int type, String event, byte[] key, int db);
}
