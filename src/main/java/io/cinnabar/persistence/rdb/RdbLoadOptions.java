package io.cinnabar.persistence.rdb;

import io.cinnabar.config.Config;

/** What value builders need to know while loading: the encoding thresholds of the running configuration. */
public final class RdbLoadOptions {
    private final Config config;

    public RdbLoadOptions(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }
}
