package org.spoolmail.kernel.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Notes every explicit tag the parser reports, by where its node starts. The composed node no longer says whether
 * its tag was written or resolved (SnakeYAML even treats the non-specific {@code !} as resolved), so the tags are
 * caught here on their way to the composer, where {@code !!int 01141} is still visible as written.
 */
final class TaggedEvents implements Parser {

    private final Parser parser;
    /** Tags by node kind and start index: a block mapping starts where its first key does. */
    private final Map<String, String> tags = new HashMap<>();

    TaggedEvents(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        String tag = event instanceof ScalarEvent s ? s.getTag()
                : event instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            NodeId kind = event instanceof ScalarEvent ? NodeId.scalar
                    : event instanceof SequenceStartEvent ? NodeId.sequence : NodeId.mapping;
            tags.put(kind + "@" + event.getStartMark().getIndex(), tag.startsWith(Tag.PREFIX)
                    ? "!!" + tag.substring(Tag.PREFIX.length()) : tag);
        }
        return event;
    }

    /**
     * @param node a composed node
     * @return the tag written on it, in the shorthand form it was written in ({@code !!int}); empty if none
     */
    Optional<String> explicitTag(Node node) {
        return Optional.ofNullable(tags.get(node.getNodeId() + "@" + node.getStartMark().getIndex()));
    }
}
