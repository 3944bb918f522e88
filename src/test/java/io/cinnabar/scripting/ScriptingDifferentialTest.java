package io.cinnabar.scripting;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** Scripts whose replies must match a real redis-server byte for byte: conversions, errors, libraries. */
class ScriptingDifferentialTest extends DifferentialTestBase {
    private static final String[] SCRIPTS = {
        "return {1, 'two', 3.99, -7.5, true, false, nil, 'after nil'}",
        "return {err='MYERR something'}",
        "return redis.error_reply('CODE text')",
        "return redis.error_reply('no code')",
        "return redis.status_reply('FINE')",
        "return {ok='a\\r\\nb'}",
        "return redis.call('nosuch')",
        "return redis.pcall('nosuch')",
        "return redis.call('incr', 'str')",
        "return redis.pcall('incr', 'str')",
        "return redis.call('get')",
        "return redis.call('set', 'x', 3.5) and redis.call('get', 'x')",
        "return redis.call('set', 'x', 0.1) and redis.call('get', 'x')",
        "redis.call('rpush', 'l', 'a', 'b'); return redis.call('lrange', 'l', 0, -1)",
        "return redis.call('hgetall', 'h')",
        "redis.setresp(3); return redis.call('hgetall', 'h')",
        "redis.setresp(3); return {double=3.25}",
        "redis.setresp(3); return {big_number='12345678901234567890'}",
        "redis.setresp(3); return true",
        "redis.setresp(3); return false",
        "return redis.sha1hex('abc')",
        "a = 5",
        "return undefined_global",
        "error('plain')",
        "error({err='TABLE err'})",
        "local ok, e = pcall(function() error('caught') end) return e",
        "local ok, e = pcall(redis.call, 'nosuch') return e",
        "return cjson.encode({1, 2, 'x/y', {a=1}})",
        "return cjson.encode({})",
        "return cjson.encode(1.5)",
        "return cjson.decode('[1,\"a\",2.5]')",
        "return cjson.decode('{')",
        "return cjson.encode({[1]=1, [100]=2})",
        "return {bit.band(0xff, 0x0f), bit.bor(1, 2), bit.bxor(3, 1), bit.lshift(1, 31), bit.rshift(-1, 28), bit.tohex(255)}",
        "return bit.tobit(2^32 + 5)",
        "return tostring(1/3)",
        "return string.format('%d-%s-%5.2f', 3, 'x', 1.5)",
        "return table.getn({1, 2, 3})",
        "return unpack({1, 2})",
        "return type(loadstring)",
        "return math.random(100)",
        "return {KEYS[1], ARGV[1]}",
        // cmsgpack: every encoding width, nesting cut at 16, streams
        "return cmsgpack.pack(0.1, 1.5, -1099511627776, 2^40, -3147483648, 250, 65530, 100000, -120, -32000, true, false)",
        "return cmsgpack.pack({1, 2, 3}, {a=1}, string.rep('x', 40), string.rep('y', 300))",
        "local a = {y=5} a.x = a return cmsgpack.pack(a)",
        "return {cmsgpack.unpack(cmsgpack.pack(1, 'two', {3, 4}, -5.25))}",
        "return {cmsgpack.unpack_one(cmsgpack.pack(1, 2), 0)}",
        "return {cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2, 1)}",
        "return cmsgpack.unpack('\\217')",
        "return cmsgpack.pack()",
        // struct
        "return struct.pack('>i2<Ic5s!4d', 5, 7, 'hello', 'zz', 1.5)",
        "return {struct.unpack('>HbI', '\\1\\2\\255\\0\\0\\0\\9')}",
        "return {struct.size('i!8d'), struct.size('bhlTfd')}",
        "return struct.unpack('i', 'ab')",
        "return struct.pack('q', 1)",
        // cjson settings
        "cjson.encode_max_depth(1) return cjson.encode({{1}})",
        "cjson.decode_max_depth(1) return cjson.decode('[[1]]')",
        "cjson.encode_invalid_numbers(true) return cjson.encode({0/0})",
        "cjson.encode_invalid_numbers('null') return cjson.encode({1/0})",
        "cjson.encode_sparse_array(true) return cjson.encode({[1]=1, [100]=2})",
        "cjson.encode_number_precision(3) return cjson.encode(3.14159)",
        "return {cjson.encode_sparse_array(), cjson.encode_keep_buffer(false)}",
        // deep replies and binary chunks
        "return loadstring(string.dump(function() return 1 end))",
        // runtime errors in Lua 5.1's words, naming the culprit
        "local x; return x.y", "local t = {} return t.a.b", "local x; return x + 1", "return {} .. 'a'",
        "local x; x()", "local t = {} t.foo()", "return #nil", "return 1 < {}", "local t = {} return t.a + 1",
        "local x = nil; return 'a' .. x", "return redis.nosuch()", "local t = {} t:nomethod()",
        "local t = {} local k = 'x' return t[k].y", "return pcall(function() local q; q() end)",
        "local a = {} return a < a", "return -{}", "local s = 'x'; return s.y.z",
        "return loadstring(string.dump(function() return 1 end))()",
        // numbers become strings as Lua 5.1's %.14g, in .. and tostring alike
        "return 0.0003 .. ' ' .. tostring(1234567.891) .. ' ' .. 1700000000.123 .. ' ' .. 2^53 .. ' ' .. 1e20",
        "return -1.5e-10 .. ' ' .. 1/3 .. ' ' .. 1e300 * 1e10 .. ' ' .. 2^31 .. ' ' .. 7 % 2.5",
        "return table.concat({0.1, 2.5, 3}, ',') .. string.format('%s', 12345678.9)",
    };

    @Test void scriptsReplyAsRedis() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("set", "str", "notanumber");
            d.both("hset", "h", "f", "v");
            for (String s : SCRIPTS) {
                d.check("eval", s, "1", "key", "arg");
            }
        }
    }

    @Test void evalArgumentErrorsAsRedis() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.check("eval", "return 1", "2", "a");
            d.check("eval", "return 1", "-1");
            d.check("eval", "return 1", "x");
            d.check("evalsha", "abc", "0");
            d.check("evalsha", "ffffffffffffffffffffffffffffffffffffffff", "0");
            d.check("script", "load", "return 'cached'");
            d.check("script", "exists", "a3bc1b6d00ca8c5ea6dc1a9d0d5a62c1fbc6c1d4", "nope");
            d.check("script", "flush", "bogus");
            d.check("script", "kill");
            d.check("function", "load", "no shebang");
            d.check("function", "load", "#!lua\nreturn 1");
            d.check("function", "load", "#!lua name=x\nlocal a = 1");
            d.check("function", "load", "#!lua name=x\nerror('boom')");
            d.check("function", "load", "#!lua name=lib\nredis.register_function('f', function(k, a) return #k end)");
            d.check("fcall", "f", "1", "k");
            d.check("fcall", "nosuch", "0");
            d.check("fcall", "f", "x");
            d.check("function", "list", "withcode");
            d.check("function", "delete", "lib");
            d.check("function", "delete", "lib");
        }
    }
}
