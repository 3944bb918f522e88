package io.cinnabar.memory;

import io.cinnabar.server.Server;

/**
 * The memory subsystem: the accounting behind INFO memory and MEMORY STATS, and maxmemory with
 * its eviction, installed as the dispatcher's OOM guard (performEvictions before every command;
 * FAIL makes DENYOOM commands answer -OOM) and started again when CONFIG SET lowers maxmemory.
 */
public final class Memory {
    private final Server server;
    private final UsedMemory used;
    private final Evictor evictor;

    private Memory(Server server) {
        this.server = server;
        this.used = new UsedMemory(server);
        this.evictor = new Evictor(server, used);
    }

    public static Memory install(Server server) {
        Memory m = new Memory(server);
        server.memory(m);
        server.dispatcher().oomGuard(() -> m.evictor.perform() == Evictor.FAIL);
        m.evictor.maxmemory = server.config().getLong("maxmemory");
        server.config().onChange("maxmemory", p -> {
            m.evictor.maxmemory = p.number();
            if (p.number() != 0) m.evictor.startProc();
        });
        server.infoProvider("memory", () -> MemoryInfo.section(server, m));
        return m;
    }

    public UsedMemory used() {
        return used;
    }

    public Evictor evictor() {
        return evictor;
    }

    /** From cron: keeps the peak current between INFO calls. */
    public void cron() {
        used.used();
    }
}
