package org.spoolmail.plugins.audit.log;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.config.StageConfig;

/** A stage context with another clock than the fake's fixed one, for day-boundary tests. */
record ClockedContext(StageContext delegate, Clock clock) implements StageContext {

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public StageConfig config() {
        return delegate.config();
    }

    @Override
    public Logger logger() {
        return delegate.logger();
    }

    @Override
    public Path resolve(String configured) {
        return delegate.resolve(configured);
    }
}
