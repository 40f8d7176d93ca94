package fr.ars.coord.console.web;

import fr.ars.coord.console.api.ApiProblem;
import fr.ars.coord.console.config.ConsoleProperties;
import fr.ars.coord.console.security.StaffUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page has: the signed-in user, how often its live part refreshes; and what a page shows when the API
 * refuses it: 404 and 403 as the API answered them (another region's incident is "not found", as the API says),
 * anything else as the platform being unavailable, never as the console's own failure.
 */
@ControllerAdvice
class ConsolePages {

    private final ConsoleProperties properties;

    ConsolePages(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model, Authentication authentication) {
        model.addAttribute("user", StaffUser.from(authentication));
        model.addAttribute("refreshMillis", properties.refresh().toMillis());
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = switch (problem.status()) {
            case 401, 403 -> 403;
            case 400 -> 400;
            case 404 -> 404;
            case 429 -> 429;
            default -> 502;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", problem.detail());
        return "error";
    }

    /**
     * The session's tokens can no longer be refreshed (the Keycloak session ended): the console's session ends too,
     * and the page asked for is asked again, which sends the browser to sign in and then back to it.
     */
    @ExceptionHandler(ClientAuthorizationException.class)
    String signInAgain(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/") || path.startsWith("//")) {
            return "redirect:/";
        }
        return "redirect:" + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
