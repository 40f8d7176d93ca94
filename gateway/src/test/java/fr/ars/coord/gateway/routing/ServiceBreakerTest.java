package fr.ars.coord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

class ServiceBreakerTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final ServiceBreaker breaker = new ServiceBreaker(
            "incident-service",
            CircuitBreaker.of(
                    "incident-service",
                    CircuitBreakerConfig.custom()
                            .failureRateThreshold(50)
                            .minimumNumberOfCalls(4)
                            .slidingWindowSize(4)
                            .waitDurationInOpenState(Duration.ofMinutes(1))
                            .build()),
            10);

    private static ServerRequest request() {
        return ServerRequest.create(
                new MockHttpServletRequest("POST", "/api/incidents"), List.of(new ByteArrayHttpMessageConverter()));
    }

    private HandlerFunction<ServerResponse> serviceDown() {
        return request -> {
            calls.incrementAndGet();
            throw new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
        };
    }

    private HandlerFunction<ServerResponse> serviceAnswering(HttpStatus status) {
        return request -> {
            calls.incrementAndGet();
            return ServerResponse.status(status).build();
        };
    }

    @Test
    void aServiceThatCannotBeReachedIsA503ProblemWithRetryAfter() throws Exception {
        ServerResponse response = breaker.filter(request(), serviceDown());
        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("10");
    }

    @Test
    void onceHalfTheRecentCallsFailedTheServiceIsNotCalledAnyMore() throws Exception {
        breaker.filter(request(), serviceAnswering(HttpStatus.OK));
        breaker.filter(request(), serviceAnswering(HttpStatus.OK));
        breaker.filter(request(), serviceDown());
        breaker.filter(request(), serviceDown());
        assertThat(calls).hasValue(4);

        ServerResponse whileOpen = breaker.filter(request(), serviceAnswering(HttpStatus.OK));
        assertThat(whileOpen.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(calls).hasValue(4);
    }

    @Test
    void theServicesOwnErrorsArePassedOnAndDoNotOpenTheBreaker() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(breaker.filter(request(), serviceAnswering(HttpStatus.INTERNAL_SERVER_ERROR))
                            .statusCode())
                    .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        assertThat(breaker.filter(request(), serviceAnswering(HttpStatus.CREATED))
                        .statusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(calls).hasValue(7);
    }

    @Test
    void aFailureOfTheGatewayItselfIsNotCountedAgainstTheService() throws Exception {
        HandlerFunction<ServerResponse> broken = request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no client for route");
        };
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> breaker.filter(request(), broken)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(breaker.filter(request(), serviceAnswering(HttpStatus.OK)).statusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
