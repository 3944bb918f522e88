package io.cinnabar.command.strings;

/** {@code SUBSTR key start end}: GETRANGE's old name (deprecated since 2.0.0). */
final class SubstrCommand {
    private SubstrCommand() {}

    static GetRangeCommand create() {
        return new GetRangeCommand(GetRangeCommand.spec("substr", "1.0.0"));
    }
}
