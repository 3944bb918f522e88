package io.cinnabar.command.acl;

import io.cinnabar.command.Command;
import java.util.List;

/** The ACL family: the ACL container and its subcommands (AUTH and HELLO are connection commands). */
public final class AclCommands {
    private AclCommands() {}

    public static List<Command> all() {
        return List.of(new AclCommand());
    }
}
