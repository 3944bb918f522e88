package io.cinnabar.command;

/**
 * A keyspace event: the name published in notifications ("set", "lpush", "expired", ...) and the
 * class it belongs to for notify-keyspace-events. Families declare their own constants.
 */
public final class KeyEvent {
    // notification classes (Redis' NOTIFY_*)
    public static final int KEYSPACE = 1, KEYEVENT = 1 << 1, GENERIC = 1 << 2, STRING = 1 << 3, LIST = 1 << 4,
            SET = 1 << 5, HASH = 1 << 6, ZSET = 1 << 7, EXPIRED = 1 << 8, EVICTED = 1 << 9, STREAM = 1 << 10,
            KEY_MISS = 1 << 11, LOADED = 1 << 12, MODULE = 1 << 13, NEW = 1 << 14;

    public static final KeyEvent DEL = new KeyEvent("del", GENERIC);
    public static final KeyEvent EXPIRE = new KeyEvent("expire", GENERIC);
    public static final KeyEvent PERSIST = new KeyEvent("persist", GENERIC);
    public static final KeyEvent RENAME_FROM = new KeyEvent("rename_from", GENERIC);
    public static final KeyEvent RENAME_TO = new KeyEvent("rename_to", GENERIC);
    public static final KeyEvent MOVE_FROM = new KeyEvent("move_from", GENERIC);
    public static final KeyEvent MOVE_TO = new KeyEvent("move_to", GENERIC);
    public static final KeyEvent COPY_TO = new KeyEvent("copy_to", GENERIC);
    public static final KeyEvent RESTORE = new KeyEvent("restore", GENERIC);
    public static final KeyEvent EXPIRED_EVENT = new KeyEvent("expired", EXPIRED);
    public static final KeyEvent EVICTED_EVENT = new KeyEvent("evicted", EVICTED);
    public static final KeyEvent NEW_KEY = new KeyEvent("new", NEW);
    public static final KeyEvent SET_STRING = new KeyEvent("set", STRING);

    private final String name;
    private final int type;

    public KeyEvent(String name, int type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }
}
