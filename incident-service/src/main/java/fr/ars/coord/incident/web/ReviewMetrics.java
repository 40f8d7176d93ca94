package fr.ars.coord.incident.web;

import fr.ars.coord.incident.review.RegionReview;
import fr.ars.coord.incident.review.RegionReview.Delay;
import fr.ars.coord.incident.review.RegionReview.ObligationFigures;
import java.util.List;
import java.util.function.Consumer;

/**
 * The review's figures in the OpenMetrics text format (what Prometheus scrapes): one family per figure, a sample per
 * region ({@code region="national"} for every region's incidents together), delays as summaries (median and worst as
 * quantiles 0.5 and 1, with their count).
 */
final class ReviewMetrics {

    static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String PREFIX = "ars_review_";

    private final StringBuilder text = new StringBuilder();
    private final List<RegionReview> reviews;

    private ReviewMetrics(List<RegionReview> reviews) {
        this.reviews = reviews;
    }

    /** The text for these figures (each region's, and the national ones when given among them). */
    static String of(List<RegionReview> reviews) {
        return new ReviewMetrics(reviews).write();
    }

    private String write() {
        family(
                "incidents",
                "gauge",
                "Incidents whose region became aware of them in the period.",
                review -> sample("incidents", labels(review), review.incidents()));
        family(
                "awareness_to_record_seconds",
                "summary",
                "Delay from awareness to the incident's first record.",
                review -> summary("awareness_to_record_seconds", labels(review), review.awarenessToRecord()));
        family(
                "awareness_to_first_published_seconds",
                "summary",
                "Delay from awareness to the first published communiqué citing the incident.",
                review -> summary(
                        "awareness_to_first_published_seconds", labels(review), review.awarenessToFirstPublished()));
        family(
                "obligation_to_meet_seconds",
                "summary",
                "Time from an obligation's clock start to when it was met (a notification, a decision).",
                review -> review.obligations()
                        .forEach(o -> summary("obligation_to_meet_seconds", labels(review, o), o.toMeet())));
        family(
                "obligations",
                "gauge",
                "Obligations by state: applicable, met, met on time, waived, past due and unmet.",
                review -> review.obligations().forEach(o -> {
                    sample("obligations", labels(review, o) + ",state=\"applicable\"", o.applicable());
                    sample("obligations", labels(review, o) + ",state=\"met\"", o.met());
                    sample("obligations", labels(review, o) + ",state=\"met_on_time\"", o.metOnTime());
                    sample("obligations", labels(review, o) + ",state=\"waived\"", o.waived());
                    sample("obligations", labels(review, o) + ",state=\"overdue\"", o.overdue());
                }));
        family(
                "obligations_on_time_ratio",
                "gauge",
                "Share of the obligations met or past due that were met on time (0 to 1).",
                review -> review.obligations().stream()
                        .filter(o -> o.met() + o.overdue() > 0)
                        .forEach(o -> sample(
                                "obligations_on_time_ratio",
                                labels(review, o),
                                (double) o.metOnTime() / (o.met() + o.overdue()))));
        text.append("# EOF\n");
        return text.toString();
    }

    private void family(String name, String type, String help, Consumer<RegionReview> samples) {
        text.append("# TYPE ")
                .append(PREFIX)
                .append(name)
                .append(' ')
                .append(type)
                .append('\n');
        text.append("# HELP ")
                .append(PREFIX)
                .append(name)
                .append(' ')
                .append(help)
                .append('\n');
        if (name.endsWith("_seconds")) {
            text.append("# UNIT ").append(PREFIX).append(name).append(" seconds\n");
        }
        reviews.forEach(samples);
    }

    private void summary(String name, String labels, Delay delay) {
        if (delay.count() > 0) {
            sample(name, labels + ",quantile=\"0.5\"", delay.medianSeconds());
            sample(name, labels + ",quantile=\"1.0\"", delay.worstSeconds());
        }
        sample(name + "_count", labels, delay.count());
    }

    private void sample(String name, String labels, Number value) {
        text.append(PREFIX)
                .append(name)
                .append('{')
                .append(labels)
                .append("} ")
                .append(value)
                .append('\n');
    }

    private static String labels(RegionReview review) {
        return "region=\""
                + (review.region() == null ? "national" : review.region().code()) + "\"";
    }

    private static String labels(RegionReview review, ObligationFigures obligation) {
        return labels(review) + ",obligation=\"" + obligation.code().name() + "\",authority=\""
                + (obligation.authority() == null ? "" : obligation.authority().name()) + "\"";
    }
}
