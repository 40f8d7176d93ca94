package fr.ars.coord.platform;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a store that could not be reached (PostgreSQL restarting, MongoDB down, a pool timing out) from a failure
 * that would happen again with the same input. The first is worth a 503 to a caller and a retry to an event
 * processor; the second is not.
 */
public final class StoreOutage {

    /** SQLState classes of a lost connection (08), an operator or crash shutdown (57P), missing resources (53). */
    private static final String[] OUTAGE_SQL_STATES = {"08", "57P", "53"};

    private StoreOutage() {}

    /** True when the failure, or any of its causes however deep a framework wrapped it, is a store outage. */
    public static boolean explains(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof AxonTransientException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || (t instanceof SQLException sql && hasOutageState(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOutageState(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return false;
        }
        for (String outage : OUTAGE_SQL_STATES) {
            if (state.startsWith(outage)) {
                return true;
            }
        }
        return false;
    }
}
