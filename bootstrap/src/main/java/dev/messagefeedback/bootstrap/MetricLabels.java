package dev.messagefeedback.bootstrap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every metric label takes a bounded set of values, whatever clients send. The HTTP codec accepts any
 * token as a method, and Quarkus's HTTP metrics label requests by it: each invented method
 * ({@code MABC123DEF456 / HTTP/1.1}) would be a new series, kept for the life of the process, until the
 * heap runs out. Methods outside the standard set are recorded as {@value #OTHER}. The other labels of
 * the HTTP metrics are bounded already: {@code uri} by the route templates of application.properties
 * (and at most 20 values), {@code status} by the status codes the service itself answers, {@code outcome}
 * by its five classes.
 */
class MetricLabels {

    static final String OTHER = "OTHER";
    static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

    @Produces
    @Singleton
    MeterFilter boundedMethods() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String method = id.getTag("method");
                if (method == null || STANDARD_METHODS.contains(method)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add(tag.getKey().equals("method") ? Tag.of("method", OTHER) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }
}
