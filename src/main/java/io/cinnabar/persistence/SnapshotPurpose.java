package io.cinnabar.persistence;

/** Why a snapshot runs; Redis' child_type: BGSAVE and FULL_SYNC are RDB children, AOF_REWRITE the AOF one. */
public enum SnapshotPurpose {
    BGSAVE, FULL_SYNC, AOF_REWRITE;

    /** Counts as Redis' CHILD_TYPE_RDB (INFO rdb_bgsave_in_progress, "Background save already in progress"). */
    public boolean rdb() {
        return this != AOF_REWRITE;
    }
}
