package fr.ars.coord.archfixture.web;

import fr.ars.coord.archfixture.command.WrongAggregate;

/** The web side of the deliberately wrong module: it uses the aggregate, which is right. */
public class WrongController {

    public Object handle() {
        return new WrongAggregate();
    }
}
