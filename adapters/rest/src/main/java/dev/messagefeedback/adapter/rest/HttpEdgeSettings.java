package dev.messagefeedback.adapter.rest;

import java.time.Duration;

/** What the HTTP edge is configured with ({@code feedback.http.*}): how long a request may take to arrive whole. */
public record HttpEdgeSettings(Duration requestTimeLimit) {

    public HttpEdgeSettings {
        if (requestTimeLimit.isNegative() || requestTimeLimit.isZero()) {
            throw new IllegalArgumentException("a request time limit is positive");
        }
    }
}
