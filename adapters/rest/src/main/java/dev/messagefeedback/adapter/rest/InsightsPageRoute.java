package dev.messagefeedback.adapter.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The confirmation-rates page is static files under {@code /insights/} (META-INF/resources/insights/,
 * served by Quarkus); its headers and its permit policy are configuration (application.properties).
 * The one thing configuration cannot say: {@code /insights}, as people type it, is that directory.
 * The redirect is relative, so it stays right behind a proxy that mounts the service under a prefix.
 */
@ApplicationScoped
class InsightsPageRoute {

    void install(@Observes Router router) {
        // Vert.x's path "/insights" also matches "/insights/": the exact path is compared here.
        router.route("/insights").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> {
            if ("/insights".equals(context.request().path())) {
                context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, "insights/").end();
            } else {
                context.next();
            }
        });
    }
}
