package io.cinnabar.command.sortedsets;

import io.cinnabar.store.SetValue;
import io.cinnabar.store.SortedSetValue;

/** Plain sets as inputs of the sorted-set algebra: every member scores 1 (zuiNext/zuiFind on a set). */
final class SetSources {
    private SetSources() {}

    static boolean contains(Object set, byte[] member) {
        return ((SetValue) set).contains(member);
    }

    static void forEach(Object set, SortedSetValue.Visitor v) {
        ((SetValue) set).forEach(m -> v.accept(m, 1.0));
    }
}
