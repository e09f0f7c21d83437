package dev.messagefeedback.application.port.in;

import dev.messagefeedback.domain.FeedbackSummary;

/**
 * Summarize Message Feedback: how much feedback an account created per day, how much of it is
 * confirmed, and so its confirmation rate.
 */
public interface SummarizeMessageFeedbackUseCase {

    /**
     * The counts of every day of the query's period, as committed now. Costs the same whatever the
     * number of feedback records: the counts are kept as the feedback is written.
     */
    FeedbackSummary summarizeMessageFeedback(SummarizeMessageFeedbackQuery query);
}
