package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;

/** {@code HSET key field value [field value ...]}: the number of fields created. */
final class HSetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hset", "hash").arity(-4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set the string value of a hash field", "2.0.0", "O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(setFields(ctx, argv));
    }

    /** Shared with HMSET: sets every pair and returns how many fields were created. */
    static long setFields(Ctx ctx, Argv argv) {
        if (argv.size() % 2 == 1) throw Errors.wrongArity(ctx.command().spec().fullName());
        byte[] key = argv.get(1);
        HashValue h = Hashes.getOrCreate(ctx, key);
        if (h.isCompact()) {
            long maxValue = Hashes.maxValue(ctx);
            for (int i = 2; i < argv.size(); i++) h.convertIfLonger(argv.get(i), maxValue);
        }
        long maxEntries = Hashes.maxEntries(ctx);
        long created = 0;
        for (int i = 2; i < argv.size(); i += 2) {
            if (h.set(argv.get(i), argv.get(i + 1), maxEntries, Long.MAX_VALUE)) created++;
        }
        ctx.modified(key, Hashes.HSET);
        ctx.dirty((argv.size() - 2) / 2 - 1);
        return created;
    }
}
