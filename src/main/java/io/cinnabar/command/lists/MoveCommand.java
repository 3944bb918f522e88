package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code LMOVE source destination LEFT|RIGHT LEFT|RIGHT} and {@code RPOPLPUSH source destination}. */
final class MoveCommand implements Command {
    static final MoveCommand LMOVE = new MoveCommand("lmove", 5, "6.2.0",
            "Pop an element from a list, push it to another list and return it");
    static final MoveCommand RPOPLPUSH = new MoveCommand("rpoplpush", 3, "1.2.0",
            "Remove the last element in a list, prepend it to another list and return it");

    private final CommandSpec spec;
    private final boolean rpoplpush;

    private MoveCommand(String name, int arity, String since, String summary) {
        this.spec = CommandSpec.builder(name, "list").arity(arity).flags(WRITE, DENYOOM).acl(AclCategory.LIST)
                .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
                .key(KeySpec.single(2, KeySpec.RW | KeySpec.INSERT)).doc(summary, since, "O(1)").build();
        this.rpoplpush = arity == 3;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean fromHead = !rpoplpush && Lists.isLeft(argv, 3);
        boolean toHead = rpoplpush || Lists.isLeft(argv, 4);
        Lists.move(ctx, argv.get(1), argv.get(2), fromHead, toHead);
    }
}
