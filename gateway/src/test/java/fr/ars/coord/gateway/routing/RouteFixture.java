package fr.ars.coord.gateway.routing;

/** A stand-in for a routing class, read by the deliberately wrong class of {@code LayersTest}. */
public final class RouteFixture {

    private RouteFixture() {}
}
