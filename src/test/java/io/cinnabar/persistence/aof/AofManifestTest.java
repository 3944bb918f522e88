package io.cinnabar.persistence.aof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's format, its life through rewrites, and Redis' exact errors for bad manifests. */
class AofManifestTest {
    @TempDir Path dir;

    private AofManifest parse(String text) throws IOException {
        Path p = dir.resolve("m");
        Files.writeString(p, text);
        return AofManifest.parse(p);
    }

    private void refused(String text, String error) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(AofException.class)
                .satisfies(e -> assertThat(((AofException) e).lines()).anySatisfy(l -> assertThat(l).contains(error)));
    }

    @Test void rewritesTurnOldFilesIntoHistoryInRedisOrder() {
        AofManifest m = new AofManifest();
        assertThat(m.newBase("appendonly.aof", true)).isEqualTo("appendonly.aof.1.base.rdb");
        assertThat(m.lastIncr("appendonly.aof")).isEqualTo("appendonly.aof.1.incr.aof");
        assertThat(m.format()).isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type i\n");
        for (int i = 0; i < 2; i++) { // two rewrites with gc disabled, as aof-multi-part.tcl
            m.newIncr("appendonly.aof");
            m.newBase("appendonly.aof", true);
            m.markRewrittenIncrAsHistory(true);
        }
        assertThat(m.format()).isEqualTo("file appendonly.aof.3.base.rdb seq 3 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type h\n"
                + "file appendonly.aof.2.base.rdb seq 2 type h\n"
                + "file appendonly.aof.1.incr.aof seq 1 type h\n"
                + "file appendonly.aof.1.base.rdb seq 1 type h\n"
                + "file appendonly.aof.3.incr.aof seq 3 type i\n");
    }

    @Test void namesWithSpacesAndNewlinesAreQuotedAndReadBack() throws IOException {
        AofManifest m = new AofManifest();
        m.newBase(" file seq \n\n.aof ", true);
        assertThat(m.format()).isEqualTo("file \" file seq \\n\\n.aof .1.base.rdb\" seq 1 type b\n");
        AofManifest back = parse(m.format());
        assertThat(back.base().name()).isEqualTo(" file seq \n\n.aof .1.base.rdb");
        assertThat(back.format()).isEqualTo(m.format());
    }

    @Test void extraKeysAndCommentsAreAccepted() throws IOException {
        AofManifest m = parse("# comment\nfile a.1.base.aof seq 1 type b newkey newvalue\nfile a.3.incr.aof seq 3 type i\n");
        assertThat(m.base().name()).isEqualTo("a.1.base.aof");
        assertThat(m.lastIncr("a")).isEqualTo("a.3.incr.aof");
        assertThat(m.newIncr("a")).isEqualTo("a.4.incr.aof");
    }

    @Test void badManifestsAreRefusedWithRedisErrors() {
        refused("", "Found an empty AOF manifest");
        refused("file a.2.incr.aof seq 2 type i\nfile a.1.incr.aof seq 1 type i\n", "Found a non-monotonic sequence number");
        refused("file a.1.incr.aof seq 1 type i\n\nfile a.3.incr.aof seq 3 type i\n", "Invalid AOF manifest file format");
        refused("file a.1.base.aof seq 1 type b\nfile a.2.base.aof seq 2 type b\n", "Found duplicate base file information");
        refused("file a.1.base.aof seq 1 type x\n", "Unknown AOF file type");
        refused("filx a.1.base.aof seq 1 type b\n", "Invalid AOF manifest file format");
        refused("file a.1.incr.aof type i\n", "Invalid AOF manifest file format");
        refused("file a.1.incr.aof seq 1 type i newkey\n", "Invalid AOF manifest file format");
        refused("file " + "x".repeat(1100) + " seq 1 type b\n", "The AOF manifest file contains too long line");
        refused("file dir/a.1.base.aof seq 1 type b\n", "File can't be a path, just a filename");
    }
}
