package io.cinnabar;

import io.cinnabar.acl.Acl;
import io.cinnabar.acl.AclFile;
import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.transactions.Watches;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.persistence.PersistenceInfo;
import io.cinnabar.persistence.aof.AppendOnlyFile;
import io.cinnabar.pubsub.KeyspaceEvents;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.replication.Replication;
import io.cinnabar.replication.ReplicationInfo;
import io.cinnabar.server.Server;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Wires the optional subsystems (blocking, WATCH, pub/sub and notifications, persistence,
 * replication) into a new server, in one readable place.
 */
final class Subsystems {
    private Subsystems() {}

    /** Before the server listens. */
    static void install(Server server) {
        Acl acl = new Acl(server);
        server.acl(acl);
        server.authPolicy(acl::setDefaultAuth, acl::defaultUserRequiresAuth);
        server.dispatcher().accessControl(acl);
        AclFile.loadAtStartup(acl, server.config().extraDirectives());
        server.blocking(new Blocking(server));
        io.cinnabar.command.server.ServerCommands.install(server);
        server.watches(new Watches(server));
        PubSub pubsub = new PubSub(server);
        server.pubsub(pubsub);
        server.notifications(new KeyspaceEvents(server.config(), pubsub));
        server.onReset(c -> { // RESET: what clearClientConnectionState undoes
            server.dispatcher().discardTransaction(c);
            ((Watches) server.watches()).unwatchAll(c);
            pubsub.unsubscribeEverything(c, false);
        });
        io.cinnabar.memory.Memory.install(server);
        io.cinnabar.scripting.Scripting scripting = new io.cinnabar.scripting.Scripting(server);
        server.scripting(scripting);
        server.dispatcher().scriptCommandFlags((e, a) -> io.cinnabar.scripting.ScriptCommandFlags.of(scripting, e, a));
        scripting.aclCheck((c, args) -> { // redis.acl_check_cmd: the caller's user, nothing logged
            io.cinnabar.resp.Argv argv = io.cinnabar.resp.Argv.of(args);
            io.cinnabar.command.CommandEntry e = server.dispatcher().lookup(argv);
            return e == null || acl.mayRun(c, e, argv);
        });
        Persistence persistence = new Persistence(server);
        server.persistence(persistence);
        io.cinnabar.persistence.DiskErrorGuard.install(server, persistence);
        Replication replication = new Replication(server);
        server.replication(replication);
        persistence.saveInfo(replication::saveInfo);
        AppendOnlyFile aof = new AppendOnlyFile(server, persistence);
        server.aof(aof);
        server.setShutdownHook(() -> {
            aof.shutdown(); // prepareForShutdown: the AOF written and fsynced first
            persistence.shutdownSave(); // as Redis: a server with save points saves on exit
            persistence.close();
        });
        new io.cinnabar.server.OomScoreAdj(server).apply();
        server.infoProvider("persistence", () -> PersistenceInfo.section(server, persistence));
        server.infoProvider("replication", () -> ReplicationInfo.section(server, server.replication()));
    }

    /**
     * On the event loop, once listening: loads the data (an RDB file on a loader thread while the
     * server answers LOADING), then connects to a master. The future completes when loaded.
     */
    static java.util.concurrent.CompletableFuture<Void> started(Server server) {
        Persistence persistence = server.persistence();
        server.net().cron().addTask(persistence::cron);
        server.net().cron().addTaskDuringLoading(((io.cinnabar.memory.Memory) server.memory())::cron);
        Replication replication = server.replication();
        server.net().cron().addTaskDuringLoading(replication::cron);
        io.cinnabar.command.keys.WritableReplicaExpiry.install(server, server.net().cron());
        AppendOnlyFile aof = server.aof();
        server.net().cron().addTask(aof::cron);
        try {
            // loadDataFromDisk: the AOF when appendonly is on, else the RDB file
            aof.loadManifest();
            if (aof.loadAtStartup()) {
                afterLoad(server);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return persistence.loadAtStartupInBackground().thenRun(() -> afterLoad(server));
    }

    private static void afterLoad(Server server) {
        try {
            ((AppendOnlyFile) server.aof()).openOnStart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Replication replication = server.replication();
        replication.restoreFromRdb(((Persistence) server.persistence()).loadedAux());
        replication.startFromConfig();
    }
}
