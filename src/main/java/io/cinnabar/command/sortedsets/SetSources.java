package io.cinnabar.command.sortedsets;

import io.cinnabar.store.SortedSetValue;

/** Plain sets as inputs of the sorted-set algebra (every member scores 1). */
final class SetSources {
    private SetSources() {}

    static boolean contains(Object set, byte[] member) {
        throw io.cinnabar.error.Errors.WRONGTYPE; // until SetValue lands
    }

    static void forEach(Object set, SortedSetValue.Visitor v) {
        throw io.cinnabar.error.Errors.WRONGTYPE;
    }
}
