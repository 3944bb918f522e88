package io.cinnabar.config;

import io.cinnabar.resp.Argv;
import io.cinnabar.resp.InlineSplitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a redis.conf line into arguments with the same quoting rules as inline requests (sdssplitargs). */
final class ConfigLexer {
    private ConfigLexer() {}

    /** The arguments, or null on unbalanced quotes. */
    static List<String> split(String line) {
        Argv argv = new Argv();
        if (!InlineSplitter.split(line.getBytes(StandardCharsets.UTF_8), argv)) return null;
        List<String> out = new ArrayList<>(argv.size());
        for (int i = 0; i < argv.size(); i++) out.add(argv.str(i));
        return out;
    }
}
