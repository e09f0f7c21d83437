package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.Outcome;
import dev.messagefeedback.domain.RecordedFeedback;
import dev.messagefeedback.domain.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code feedback_writes_total{outcome, transition}}: answered feedback by the outcome stored and what
 * the request did (created, confirmed, unchanged). Six series at most, whatever SIDs arrive.
 */
@ApplicationScoped
class FeedbackMetrics {

    private final Map<Outcome, Map<Transition, Counter>> writes = new EnumMap<>(Outcome.class);

    FeedbackMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            Map<Transition, Counter> byTransition = new EnumMap<>(Transition.class);
            for (Transition transition : Transition.values()) {
                byTransition.put(transition, Counter.builder("feedback.writes")
                        .description("Create Message Feedback requests answered 201, by stored outcome and transition")
                        .tag("outcome", outcome.wireName())
                        .tag("transition", transition.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            writes.put(outcome, byTransition);
        }
    }

    void recorded(RecordedFeedback recorded) {
        writes.get(recorded.feedback().outcome()).get(recorded.transition()).increment();
    }
}
