package org.spoolmail.kernel.cli.exits;

import java.util.List;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.config.ConfigKey;

/** The base of the hostile test routines: no configuration, only a {@code decide} of their own. */
public abstract class UnconfiguredExit implements MailExit {

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of();
    }

    @Override
    public void init(StageContext context) {
        // nothing to configure
    }
}
