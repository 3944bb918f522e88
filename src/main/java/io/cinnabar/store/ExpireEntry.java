package io.cinnabar.store;

/** The entry of a database's expires dict: a volatile key, pointing at its keyspace entry. */
final class ExpireEntry extends DictEntry {
    final KeyEntry target;

    ExpireEntry(KeyEntry target) {
        super(target.key(), target.hash());
        this.target = target;
    }
}
