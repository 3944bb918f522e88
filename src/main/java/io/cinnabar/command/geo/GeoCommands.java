package io.cinnabar.command.geo;

import io.cinnabar.command.Command;
import java.util.List;

/** The GEO family: positions stored as 52-bit geohash scores in sorted sets. */
public final class GeoCommands {
    private GeoCommands() {}

    public static List<Command> all() {
        return List.of(new GeoAddCommand(), new GeoDistCommand(), new GeoHashCommand(), new GeoPosCommand(),
                new GeoRadiusCommand(), new GeoRadiusRoCommand(), new GeoRadiusByMemberCommand(),
                new GeoRadiusByMemberRoCommand(), new GeoSearchCommand(), new GeoSearchStoreCommand());
    }
}
