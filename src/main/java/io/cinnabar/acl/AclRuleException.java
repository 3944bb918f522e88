package io.cinnabar.acl;

/** A rule ACLSetUser refused, with the reason Redis reports (ACLSetUserStringError's errno). */
final class AclRuleException extends Exception {
    enum Reason {
        UNKNOWN_COMMAND("Unknown command or category name in ACL"),
        SYNTAX("Syntax error"),
        KEY_AFTER_ALL("Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have "
                + "any effect. Try 'resetkeys' to start with an empty list of patterns"),
        CHANNEL_AFTER_ALL("Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does "
                + "not have any effect. Try 'resetchannels' to start with an empty list of channels"),
        NO_SUCH_PASSWORD("The password you are trying to remove from the user does not exist"),
        BAD_HASH("The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters"),
        DUPLICATE_USER("Duplicate user found. A user can only be defined once in config files"),
        SUBCOMMAND_FIRST_ARG("Allowing first-arg of a subcommand is not supported");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    final Reason reason;

    AclRuleException(Reason reason) {
        super(reason.text, null, false, false);
        this.reason = reason;
    }
}
