package io.cinnabar.command.hyperloglog;

import static io.cinnabar.command.CommandFlag.ADMIN;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HyperLogLog;
import java.util.concurrent.ThreadLocalRandom;

/** {@code PFSELFTEST}: register access and estimation error checks (10M elements; takes a few seconds, as in Redis). */
final class PfSelfTestCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pfselftest", "hyperloglog").arity(1).flags(ADMIN)
            .acl(AclCategory.HYPERLOGLOG).doc("An internal command for testing HyperLogLog values", "2.8.9", "N/A")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String failed = HyperLogLog.selfTest(ThreadLocalRandom.current(), Hlls.sparseMaxBytes(ctx));
        if (failed != null) throw new RedisError(failed);
        ctx.out().ok();
    }
}
