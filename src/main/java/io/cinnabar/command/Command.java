package io.cinnabar.command;

import io.cinnabar.resp.Argv;

/**
 * One Redis command: its metadata ({@link #spec()}, declared once as a static constant) and its
 * behaviour. Implementations are stateless singletons; everything per call comes through the
 * {@link Ctx}. Errors are thrown as {@link io.cinnabar.error.RedisError}.
 */
public interface Command {
    CommandSpec spec();

    void execute(Ctx ctx, Argv argv);
}
