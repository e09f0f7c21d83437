package dev.messagefeedback.application.port.in;

public enum AccessDecision {
    GRANTED,
    DENIED
}
