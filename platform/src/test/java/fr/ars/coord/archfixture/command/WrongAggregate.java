package fr.ars.coord.archfixture.command;

import fr.ars.coord.archfixture.query.WrongView;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.http.HttpStatus;

/** A deliberately wrong aggregate for the layer rules' own test: it knows HTTP and reads a view. */
@Aggregate
public class WrongAggregate {

    public HttpStatus decide(WrongView view) {
        return view == null ? HttpStatus.NOT_FOUND : HttpStatus.OK;
    }
}
