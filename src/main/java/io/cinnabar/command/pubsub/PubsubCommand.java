package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import java.util.List;

/** {@code PUBSUB CHANNELS|NUMSUB|NUMPAT|SHARDCHANNELS|SHARDNUMSUB|HELP}: introspection of pub/sub. */
final class PubsubCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pubsub", "pubsub").arity(-2)
            .doc("A container for Pub/Sub commands", "2.8.0", "Depends on subcommand.")
            .subcommands(new Channels("channels", false), new Channels("shardchannels", true),
                    new NumSub("numsub", false), new NumSub("shardnumsub", true), new NumPat(), new Help())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.unknownSubcommand(argv.str(1), "pubsub");
    }

    private static CommandSpec.Builder sub(String name, int arity, String summary, String since, String complexity) {
        return CommandSpec.builder(name, "pubsub").parent("pubsub").arity(arity).flags(PUBSUB, LOADING, STALE)
                .acl(AclCategory.PUBSUB).doc(summary, since, complexity);
    }

    /** {@code PUBSUB CHANNELS [pattern]} and {@code PUBSUB SHARDCHANNELS [pattern]}. */
    static final class Channels implements Command {
        private final CommandSpec spec;
        private final boolean shard;

        Channels(String name, boolean shard) {
            this.shard = shard;
            this.spec = sub(name, -2, shard ? "List active shard channels" : "List active channels",
                    shard ? "7.0.0" : "2.8.0", shard
                            ? "O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels)."
                            : "O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)")
                    .build();
        }

        @Override public CommandSpec spec() {
            return spec;
        }

        @Override public void execute(Ctx ctx, Argv argv) {
            if (argv.size() > 3) throw Errors.subcommandSyntax(argv.str(1), "pubsub");
            PubSub ps = ctx.server().pubsub();
            List<byte[]> list = ps.channels(argv.size() == 3 ? argv.get(2) : null, shard);
            RespOut out = ctx.out();
            out.arrayHeader(list.size());
            for (byte[] ch : list) out.bulk(ch);
        }
    }

    /** {@code PUBSUB NUMSUB [channel ...]} and {@code PUBSUB SHARDNUMSUB [shardchannel ...]}. */
    static final class NumSub implements Command {
        private final CommandSpec spec;
        private final boolean shard;

        NumSub(String name, boolean shard) {
            this.shard = shard;
            this.spec = sub(name, -2, shard ? "Get the count of subscribers for shard channels"
                    : "Get the count of subscribers for channels", shard ? "7.0.0" : "2.8.0", shard
                    ? "O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels"
                    : "O(N) for the NUMSUB subcommand, where N is the number of requested channels").build();
        }

        @Override public CommandSpec spec() {
            return spec;
        }

        @Override public void execute(Ctx ctx, Argv argv) {
            PubSub ps = ctx.server().pubsub();
            RespOut out = ctx.out();
            out.arrayHeader((argv.size() - 2) * 2L);
            for (int i = 2; i < argv.size(); i++) {
                out.bulk(argv.get(i));
                out.integer(ps.numsub(argv.get(i), shard));
            }
        }
    }

    /** {@code PUBSUB NUMPAT}: the number of distinct patterns subscribed. */
    static final class NumPat implements Command {
        static final CommandSpec SPEC = sub("numpat", 2, "Get the count of unique patterns pattern subscriptions",
                "2.8.0", "O(1)").build();

        @Override public CommandSpec spec() {
            return SPEC;
        }

        @Override public void execute(Ctx ctx, Argv argv) {
            PubSub ps = ctx.server().pubsub();
            ctx.out().integer(ps.numpat());
        }
    }

    /** {@code PUBSUB HELP}. */
    static final class Help implements Command {
        static final CommandSpec SPEC = CommandSpec.builder("help", "pubsub").parent("pubsub").arity(2)
                .flags(LOADING, STALE).doc("Show helpful text about the different subcommands", "6.2.0", "O(1)")
                .build();
        private static final String[] LINES = {
            "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)",
            "HELP",
            "    Prints this help."};

        @Override public CommandSpec spec() {
            return SPEC;
        }

        @Override public void execute(Ctx ctx, Argv argv) {
            RespOut out = ctx.out();
            out.arrayHeader(LINES.length);
            for (String l : LINES) out.simple(l);
        }
    }
}
