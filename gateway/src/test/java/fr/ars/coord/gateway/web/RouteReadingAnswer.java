package fr.ars.coord.gateway.web;

import fr.ars.coord.gateway.routing.RouteFixture;

/** A deliberately wrong class for {@code LayersTest}: an answer of the gateway that reads the routes. */
public final class RouteReadingAnswer {

    private RouteReadingAnswer() {}

    public static Class<?> routes() {
        return RouteFixture.class;
    }
}
