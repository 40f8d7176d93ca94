package fr.ars.coord.console.api;

import fr.ars.coord.console.web.Labels;

/** A deliberately wrong class for {@code LayersTest}: an API client that reads the pages' words. */
public final class PageReadingClient {

    private PageReadingClient() {}

    public static Class<?> words() {
        return Labels.class;
    }
}
