package fr.ars.coord.gateway.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** A request as the handlers after a filter see it: without some of its headers. */
final class WithoutHeaders extends HttpServletRequestWrapper {

    private final List<String> hidden;

    WithoutHeaders(HttpServletRequest request, List<String> hidden) {
        super(request);
        this.hidden = List.copyOf(hidden);
    }

    private boolean hidden(String name) {
        return hidden.stream().anyMatch(name::equalsIgnoreCase);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name))
                .toList());
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }
}
