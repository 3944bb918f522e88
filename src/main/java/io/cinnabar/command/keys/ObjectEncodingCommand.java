package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.StringValues;
import io.cinnabar.store.TypedValue;

/** {@code OBJECT ENCODING key}: the internal representation ("int", "embstr", "raw", "listpack", ...); null if missing. */
final class ObjectEncodingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("encoding", "generic").parent("object").arity(3)
            .flags(READONLY).acl(AclCategory.KEYSPACE).key(KeySpec.single(2, KeySpec.RO))
            .doc("Inspect the internal encoding of a Redis object", "2.2.3", "O(1)").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().peek(argv.get(2));
        if (e == null) {
            ctx.out().nullBulk();
            return;
        }
        Object v = e.value();
        ctx.out().bulk(v instanceof TypedValue tv ? tv.encoding() : StringValues.encoding(v));
    }
}
