package fr.ars.coord.archfixture.query;

import fr.ars.coord.archfixture.web.WrongController;

/** A deliberately wrong view for the layer rules' own test: it calls the web layer (and closes a cycle). */
public class WrongView {

    public String render() {
        return new WrongController().toString();
    }
}
