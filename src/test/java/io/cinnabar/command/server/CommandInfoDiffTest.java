package io.cinnabar.command.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Every command we register (and every subcommand) declares the same metadata as Redis 7.0:
 * COMMAND INFO's arity, flags, first/last/step, ACL categories and key specs are compared with a
 * real redis-server's, field by field, except for the deliberate differences listed below.
 */
class CommandInfoDiffTest {
    /**
     * "command:field" pairs where we differ on purpose ("command:exists" for a command Redis 7.0
     * lacks). None at present: every registered spec matches.
     */
    private static final Set<String> ALLOWED = Set.of();

    @Test void everyRegisteredCommandMatchesRedis() {
        assumeTrue(RealRedis.available(), "redis-server not installed");
        try (RealRedis redis = RealRedis.start();
                Cinnabar ours = Cinnabar.builder().port(0).start();
                Jedis theirs = new Jedis("127.0.0.1", redis.port(), 30_000);
                Jedis mine = new Jedis("127.0.0.1", ours.port(), 30_000)) {
            Map<String, List<Object>> reference = byName(theirs.sendCommand(Protocol.Command.COMMAND, "INFO"));
            Map<String, List<Object>> declared = byName(mine.sendCommand(Protocol.Command.COMMAND, "INFO"));
            assertThat(declared).as("commands registered").hasSizeGreaterThan(40);
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, List<Object>> e : declared.entrySet()) {
                String name = e.getKey();
                List<Object> ref = reference.get(name);
                if (ref == null) {
                    if (!ALLOWED.contains(name + ":exists")) problems.add(name + ": not a Redis 7.0 command");
                    continue;
                }
                List<Object> ourInfo = e.getValue();
                compare(problems, name, "arity", ref.get(1), ourInfo.get(1));
                compare(problems, name, "flags", asSet(ref.get(2)), asSet(ourInfo.get(2)));
                compare(problems, name, "first", ref.get(3), ourInfo.get(3));
                compare(problems, name, "last", ref.get(4), ourInfo.get(4));
                compare(problems, name, "step", ref.get(5), ourInfo.get(5));
                compare(problems, name, "acl", asSet(ref.get(6)), asSet(ourInfo.get(6)));
                compare(problems, name, "keyspecs", text(ref.get(8)), text(ourInfo.get(8)));
            }
            assertThat(problems).as("spec differences from Redis 7.0").isEmpty();
        }
    }

    private static void compare(List<String> problems, String name, String field, Object ref, Object ours) {
        Object r = text(ref);
        Object o = text(ours);
        if (!r.equals(o) && !ALLOWED.contains(name + ":" + field)) {
            problems.add(name + ":" + field + " redis=" + r + " ours=" + o);
        }
    }

    /** name → info entry, subcommands included (under "container|sub"). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> byName(Object reply) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (Object o : (List<Object>) reply) {
            if (o == null) continue;
            List<Object> info = (List<Object>) o;
            m.put((String) text(info.get(0)), info);
            for (Object sub : (List<Object>) info.get(9)) {
                List<Object> s = (List<Object>) sub;
                m.put((String) text(s.get(0)), s);
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> asSet(Object o) {
        Set<String> s = new TreeSet<>();
        for (Object x : (List<Object>) o) s.add(String.valueOf(text(x)));
        return s;
    }

    /** byte[] → String, lists recursively, so replies compare with equals. */
    @SuppressWarnings("unchecked")
    private static Object text(Object o) {
        if (o instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(text(x));
            return out;
        }
        return o;
    }
}
