package io.cinnabar.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RespDecoderTest {
    private static final String PIPELINE = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n"
            + "PING\r\n"
            + "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"
            + "  set  \"a b\" 'c\\'d'  \r\n"
            + "*1\r\n$4\r\nPING\r\n";

    /** Decodes everything fed so far; returns the commands as space-joined strings. */
    private static List<String> decodeAll(RespDecoder d, ByteBuf in, Argv argv) {
        List<String> out = new ArrayList<>();
        while (in.isReadable() && d.decode(in, argv, false)) {
            if (argv.size() > 0) out.add(argv.toString());
        }
        return out;
    }

    @Test void decodesAPipelineOfMultibulkAndInline() {
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        List<String> cmds = decodeAll(d, Unpooled.copiedBuffer(PIPELINE, StandardCharsets.UTF_8), argv);
        assertThat(cmds).containsExactly("SET k hello", "PING", "ECHO ", "set a b c'd", "PING");
    }

    @Test void aRepeatedCommandNameReusesItsArrayAndADifferentOneDoesNot() {
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        ByteBuf in = Unpooled.copiedBuffer("*2\r\n$3\r\nGET\r\n$1\r\na\r\n*2\r\n$3\r\nGET\r\n$1\r\nb\r\n"
                + "*2\r\n$3\r\nGEX\r\n$1\r\nc\r\n*2\r\n$4\r\nGETX\r\n$1\r\nd\r\n", StandardCharsets.UTF_8);
        assertThat(d.decode(in, argv, false)).isTrue();
        byte[] first = argv.get(0);
        assertThat(d.decode(in, argv, false)).isTrue();
        assertThat(argv.get(0)).isSameAs(first);
        assertThat(argv.toString()).isEqualTo("GET b");
        assertThat(d.decode(in, argv, false)).isTrue();
        assertThat(argv.toString()).isEqualTo("GEX c");
        assertThat(d.decode(in, argv, false)).isTrue();
        assertThat(argv.toString()).isEqualTo("GETX d");
        assertThat(first).isEqualTo("GET".getBytes(StandardCharsets.UTF_8));
    }

    @Test void resumesWhenFedOneByteAtATime() {
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        ByteBuf cum = Unpooled.buffer();
        List<String> cmds = new ArrayList<>();
        for (byte b : PIPELINE.getBytes(StandardCharsets.UTF_8)) {
            cum.writeByte(b);
            cmds.addAll(decodeAll(d, cum, argv));
            cum.discardReadBytes();
        }
        assertThat(cmds).containsExactly("SET k hello", "PING", "ECHO ", "set a b c'd", "PING");
    }

    @Test void splitsAtEveryPositionGiveTheSameCommands() {
        byte[] all = PIPELINE.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < all.length; split++) {
            RespDecoder d = new RespDecoder();
            Argv argv = new Argv();
            ByteBuf cum = Unpooled.buffer();
            cum.writeBytes(all, 0, split);
            List<String> cmds = new ArrayList<>(decodeAll(d, cum, argv));
            cum.discardReadBytes();
            cum.writeBytes(all, split, all.length - split);
            cmds.addAll(decodeAll(d, cum, argv));
            assertThat(cmds).as("split at %d", split).hasSize(5);
        }
    }

    @Test void bigArgumentsAreAssembledAcrossReads() {
        byte[] big = new byte[100_000];
        new Random(1).nextBytes(big);
        ByteBuf whole = Unpooled.buffer();
        whole.writeBytes("*2\r\n$3\r\nSET\r\n$100000\r\n".getBytes(StandardCharsets.US_ASCII));
        whole.writeBytes(big);
        whole.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        ByteBuf cum = Unpooled.buffer();
        boolean done = false;
        while (whole.isReadable()) {
            cum.writeBytes(whole, Math.min(7000, whole.readableBytes()));
            done = d.decode(cum, argv, false);
            cum.discardReadBytes();
        }
        assertThat(done).isTrue();
        assertThat(argv.get(1)).isEqualTo(big);
    }

    private static void assertProtocolError(String input, String message) {
        RespDecoder d = new RespDecoder();
        ByteBuf in = Unpooled.copiedBuffer(input, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decodeAll(d, in, new Argv())).isInstanceOf(ProtocolError.class)
                .hasMessage("ERR Protocol error: " + message);
    }

    @Test void malformedInputGetsRedisErrors() {
        assertProtocolError("*3000000000\r\n", "invalid multibulk length");
        assertProtocolError("*abc\r\n", "invalid multibulk length");
        assertProtocolError("*1\r\nfoo\r\n", "expected '$', got 'f'");
        assertProtocolError("*1\r\n$-1\r\n", "invalid bulk length");
        assertProtocolError("*1\r\n$600000000\r\n", "invalid bulk length");
        assertProtocolError("*1\r\n$1x\r\n", "invalid bulk length");
        assertProtocolError("set \"a\r\n", "unbalanced quotes in request");
        assertProtocolError("set \"a\"b\r\n", "unbalanced quotes in request");
        assertProtocolError("x".repeat(70_000), "too big inline request");
        assertProtocolError("*1\r\n$" + "1".repeat(70_000), "too big bulk count string");
        assertProtocolError("*" + "1".repeat(70_000), "too big mbulk count string");
    }

    @Test void unauthenticatedClientsHaveTighterLimits() {
        RespDecoder d = new RespDecoder();
        ByteBuf in = Unpooled.copiedBuffer("*11\r\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> d.decode(in, new Argv(), true))
                .hasMessage("ERR Protocol error: unauthenticated multibulk length");
        ByteBuf in2 = Unpooled.copiedBuffer("*1\r\n$16385\r\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new RespDecoder().decode(in2, new Argv(), true))
                .hasMessage("ERR Protocol error: unauthenticated bulk length");
    }

    @Test void emptyAndNegativeMultibulkAreSkipped() {
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        ByteBuf in = Unpooled.copiedBuffer("*0\r\n*-1\r\n\r\nPING\r\n", StandardCharsets.US_ASCII);
        assertThat(decodeAll(d, in, argv)).containsExactly("PING");
    }

    @Test void inlineEscapes() {
        RespDecoder d = new RespDecoder();
        Argv argv = new Argv();
        ByteBuf in = Unpooled.copiedBuffer("echo \"\\x41\\n\\t\" 'x'\n", StandardCharsets.US_ASCII);
        assertThat(d.decode(in, argv, false)).isTrue();
        assertThat(argv.get(1)).containsExactly('A', '\n', '\t');
        assertThat(argv.str(2)).isEqualTo("x");
    }
}
