package io.cinnabar.command.strings;

import io.cinnabar.command.KeyEvent;

/** Keyspace events of the string and bitmap commands, with Redis' names. */
final class StringEvents {
    private StringEvents() {}

    static final KeyEvent APPEND = new KeyEvent("append", KeyEvent.STRING);
    static final KeyEvent INCRBY = new KeyEvent("incrby", KeyEvent.STRING);
    static final KeyEvent INCRBYFLOAT = new KeyEvent("incrbyfloat", KeyEvent.STRING);
    static final KeyEvent SETRANGE = new KeyEvent("setrange", KeyEvent.STRING);
    static final KeyEvent SETBIT = new KeyEvent("setbit", KeyEvent.STRING);
}
