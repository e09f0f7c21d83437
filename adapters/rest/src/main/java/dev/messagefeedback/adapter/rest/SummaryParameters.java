package dev.messagefeedback.adapter.rest;

import dev.messagefeedback.domain.InvalidReportingPeriodException;
import dev.messagefeedback.domain.ReportingPeriod;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The feedback summary's query parameters, read strictly: each refusal is a 400 / 20001 whose message
 * names the parameter. A parameter given more than once must repeat the same value.
 */
final class SummaryParameters {

    static final String START_DATE = "StartDate";
    static final String END_DATE = "EndDate";
    static final String INCLUDE_SUBACCOUNTS = "IncludeSubaccounts";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SummaryParameters() {
    }

    static ReportingPeriod period(List<String> startDate, List<String> endDate) {
        LocalDate start = date(START_DATE, startDate);
        LocalDate end = date(END_DATE, endDate);
        try {
            return new ReportingPeriod(start, end);
        } catch (InvalidReportingPeriodException e) {
            throw ApiProblem.invalidParameter(switch (e.reason()) {
                case REVERSED -> "Invalid value for parameter '" + END_DATE + "': " + end + " is before " + START_DATE + " "
                        + start;
                case TOO_LONG -> "Invalid value for parameter '" + END_DATE + "': the window from " + START_DATE + " to "
                        + END_DATE + " may span at most " + ReportingPeriod.MAX_DAYS + " days";
            });
        }
    }

    static boolean includeSubaccounts(List<String> values) {
        String value = single(INCLUDE_SUBACCOUNTS, values);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalidParameter(
                    "Invalid value for parameter '" + INCLUDE_SUBACCOUNTS + "': must be true or false");
        };
    }

    private static LocalDate date(String name, List<String> values) {
        String value = single(name, values);
        if (value == null || value.isEmpty()) {
            throw ApiProblem.invalidParameter("Missing required parameter '" + name + "': give a UTC day as YYYY-MM-DD");
        }
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException notADay) {
                // falls through: 2026-02-30 has the shape of a date but is none
            }
        }
        throw ApiProblem.invalidParameter("Invalid value for parameter '" + name + "': must be a date as YYYY-MM-DD");
    }

    private static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        if (!values.stream().allMatch(first::equals)) {
            throw ApiProblem.invalidParameter("Parameter '" + name + "' was given more than once with different values");
        }
        return first;
    }
}
