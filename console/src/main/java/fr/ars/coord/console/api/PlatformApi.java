package fr.ars.coord.console.api;

import fr.ars.coord.client.incident.model.ChangeStatusRequest;
import fr.ars.coord.client.incident.model.CitedEvent;
import fr.ars.coord.client.incident.model.EndExerciseRequest;
import fr.ars.coord.client.incident.model.ExerciseAnswer;
import fr.ars.coord.client.incident.model.ExerciseReview;
import fr.ars.coord.client.incident.model.ExerciseStarted;
import fr.ars.coord.client.incident.model.HistoryEntry;
import fr.ars.coord.client.incident.model.IncidentChanged;
import fr.ars.coord.client.incident.model.IncidentSummary;
import fr.ars.coord.client.incident.model.IncidentView;
import fr.ars.coord.client.incident.model.RecordAssessmentRequest;
import fr.ars.coord.client.incident.model.RecordAuthorityNotificationRequest;
import fr.ars.coord.client.incident.model.RecordContainmentActionRequest;
import fr.ars.coord.client.incident.model.ReplayRequest;
import fr.ars.coord.client.incident.model.ReplayStarted;
import fr.ars.coord.client.incident.model.ScriptSummary;
import fr.ars.coord.client.incident.model.StartExerciseRequest;
import fr.ars.coord.client.notification.model.CommuniqueView;
import fr.ars.coord.client.notification.model.WithdrawRequest;
import fr.ars.coord.client.region.model.CampaignOpened;
import fr.ars.coord.client.region.model.CampaignSuggestion;
import fr.ars.coord.client.region.model.CampaignView;
import fr.ars.coord.client.region.model.LinkChanged;
import fr.ars.coord.client.region.model.LinkIncidentRequest;
import fr.ars.coord.client.region.model.NationalImpact;
import fr.ars.coord.client.region.model.OpenCampaignRequest;
import fr.ars.coord.client.region.model.RegionDetail;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API as the console calls it: through the gateway, with the signed-in user's access token (added,
 * and refreshed when needed, by the client's interceptor), each call typed with the models generated from the
 * committed API documents ({@code api-client}). A refusal becomes an {@link ApiProblem} carrying the API's own
 * words.
 */
public class PlatformApi {

    private final RestClient client;

    public PlatformApi(RestClient client) {
        this.client = client;
    }

    // --- incidents -------------------------------------------------------------------------------------------

    /** The incident now, or as it stood at {@code asOf} when given. */
    public IncidentView incident(String id, Instant asOf) {
        return get(
                uri -> asOf == null
                        ? uri.path("/api/incidents/{id}").build(id)
                        : uri.path("/api/incidents/{id}")
                                .queryParam("asOf", asOf)
                                .build(id),
                IncidentView.class);
    }

    /** The incident's after-action review, computed by incident-service from its record now. */
    public fr.ars.coord.client.incident.model.IncidentReview incidentReview(String id) {
        return get(
                uri -> uri.path("/api/incidents/{id}/review").build(id),
                fr.ars.coord.client.incident.model.IncidentReview.class);
    }

    public List<HistoryEntry> history(String incidentId) {
        return list(
                uri -> uri.path("/api/incidents/{id}/history").build(incidentId),
                new ParameterizedTypeReference<>() {});
    }

    /** The most event ids the API reads in one call. */
    static final int CITED_PER_CALL = 200;

    /**
     * The events with these ids the user may read, each with its incident, in the order given (one call per
     * {@value #CITED_PER_CALL}); the others are left out.
     */
    public List<CitedEvent> citedEvents(List<String> eventIds) {
        List<CitedEvent> cited = new java.util.ArrayList<>();
        for (int from = 0; from < eventIds.size(); from += CITED_PER_CALL) {
            Object[] ids = eventIds.subList(from, Math.min(eventIds.size(), from + CITED_PER_CALL))
                    .toArray();
            cited.addAll(list(
                    uri -> uri.path("/api/incidents/events")
                            .queryParam("id", ids)
                            .build(),
                    new ParameterizedTypeReference<List<CitedEvent>>() {}));
        }
        return cited;
    }

    public List<IncidentSummary> incidents(String region) {
        return list(
                uri -> uri.path("/api/incidents").queryParam("region", region).build(),
                new ParameterizedTypeReference<>() {});
    }

    public IncidentChanged recordAssessment(String key, String incidentId, RecordAssessmentRequest request) {
        return post(key, request, IncidentChanged.class, "/api/incidents/{id}/assessments", incidentId);
    }

    public IncidentChanged recordContainmentAction(
            String key, String incidentId, RecordContainmentActionRequest request) {
        return post(key, request, IncidentChanged.class, "/api/incidents/{id}/containment-actions", incidentId);
    }

    public IncidentChanged recordAuthorityNotification(
            String key, String incidentId, RecordAuthorityNotificationRequest request) {
        return post(key, request, IncidentChanged.class, "/api/incidents/{id}/authority-notifications", incidentId);
    }

    public fr.ars.coord.client.incident.model.ObservableRecorded recordObservable(
            String key, String incidentId, fr.ars.coord.client.incident.model.RecordObservableRequest request) {
        return post(
                key,
                request,
                fr.ars.coord.client.incident.model.ObservableRecorded.class,
                "/api/incidents/{id}/observables",
                incidentId);
    }

    public IncidentChanged changeStatus(String key, String incidentId, ChangeStatusRequest request) {
        return post(key, request, IncidentChanged.class, "/api/incidents/{id}/status", incidentId);
    }

    // --- regions and the national picture ------------------------------------------------------------------

    public NationalImpact nationalImpact() {
        return get(uri -> uri.path("/api/national/impact").build(), NationalImpact.class);
    }

    public RegionDetail region(String code) {
        return get(uri -> uri.path("/api/regions/{code}").build(code), RegionDetail.class);
    }

    // --- campaigns -------------------------------------------------------------------------------------------

    public List<CampaignView> campaigns() {
        return list(uri -> uri.path("/api/national/campaigns").build(), new ParameterizedTypeReference<>() {});
    }

    /** The values standing in two or more regions (national cell and auditors). */
    public List<fr.ars.coord.client.region.model.SharedObservable> sharedObservables() {
        return list(uri -> uri.path("/api/national/observables").build(), new ParameterizedTypeReference<>() {});
    }

    public List<CampaignSuggestion> campaignSuggestions() {
        return list(
                uri -> uri.path("/api/national/campaigns/suggestions").build(), new ParameterizedTypeReference<>() {});
    }

    /** An exercise's campaigns (national cell and auditors). */
    public List<CampaignView> exerciseCampaigns(String exerciseId) {
        return list(
                uri -> uri.path("/api/national/campaigns")
                        .queryParam("exercise", exerciseId)
                        .build(),
                new ParameterizedTypeReference<>() {});
    }

    public CampaignView campaign(String id) {
        return get(uri -> uri.path("/api/national/campaigns/{id}").build(id), CampaignView.class);
    }

    /** The campaign, or empty when the API says 404 (unknown, or not visible to the caller). */
    public Optional<CampaignView> findCampaign(String id) {
        return found(() -> campaign(id));
    }

    public CampaignOpened openCampaign(String key, OpenCampaignRequest request) {
        return post(key, request, CampaignOpened.class, "/api/national/campaigns");
    }

    public LinkChanged linkIncident(String key, String campaignId, LinkIncidentRequest request) {
        return post(key, request, LinkChanged.class, "/api/national/campaigns/{id}/incidents", campaignId);
    }

    // --- communiqués -----------------------------------------------------------------------------------------

    public List<CommuniqueView> communiques() {
        return list(uri -> uri.path("/api/communiques").build(), new ParameterizedTypeReference<>() {});
    }

    public CommuniqueView communique(String id) {
        return get(uri -> uri.path("/api/communiques/{id}").build(id), CommuniqueView.class);
    }

    /** The communiqué, or empty when the API says 404 (unknown, or not visible to the caller). */
    public Optional<CommuniqueView> findCommunique(String id) {
        return found(() -> communique(id));
    }

    public CommuniqueView approve(String key, String id) {
        return post(key, null, CommuniqueView.class, "/api/communiques/{id}/approve", id);
    }

    public CommuniqueView publish(String key, String id) {
        return post(key, null, CommuniqueView.class, "/api/communiques/{id}/publish", id);
    }

    public CommuniqueView withdraw(String key, String id, WithdrawRequest request) {
        return post(key, request, CommuniqueView.class, "/api/communiques/{id}/withdraw", id);
    }

    /** The review across regions over the incidents whose region became aware of them since {@code from}. */
    public fr.ars.coord.client.incident.model.RegionsReview regionsReview(Instant from) {
        return get(
                uri -> uri.path("/api/reviews/regions").queryParam("from", from).build(),
                fr.ars.coord.client.incident.model.RegionsReview.class);
    }

    /** A national campaign's after-action review (national cell and auditors). */
    public fr.ars.coord.client.incident.model.CampaignReview campaignReview(String id) {
        return get(
                uri -> uri.path("/api/reviews/campaigns/{id}").build(id),
                fr.ars.coord.client.incident.model.CampaignReview.class);
    }

    // --- exercises -------------------------------------------------------------------------------------------

    public List<ExerciseAnswer> exercises() {
        return list(uri -> uri.path("/api/exercises").build(), new ParameterizedTypeReference<>() {});
    }

    public ExerciseAnswer exercise(String id) {
        return get(uri -> uri.path("/api/exercises/{id}").build(id), ExerciseAnswer.class);
    }

    public ExerciseReview exerciseReview(String id) {
        return get(uri -> uri.path("/api/exercises/{id}/review").build(id), ExerciseReview.class);
    }

    public List<ScriptSummary> exerciseScripts() {
        return list(uri -> uri.path("/api/exercise-scripts").build(), new ParameterizedTypeReference<>() {});
    }

    public ExerciseStarted startExercise(String key, StartExerciseRequest request) {
        return post(key, request, ExerciseStarted.class, "/api/exercises");
    }

    public ReplayStarted replay(String key, String exerciseId, ReplayRequest request) {
        return post(key, request, ReplayStarted.class, "/api/exercises/{id}/replay", exerciseId);
    }

    public ExerciseAnswer endExercise(String key, String exerciseId, EndExerciseRequest request) {
        return post(key, request, ExerciseAnswer.class, "/api/exercises/{id}/end", exerciseId);
    }

    /** The exercise's communiqués the caller may see, drafts included. */
    public List<CommuniqueView> exerciseCommuniques(String exerciseId) {
        return list(
                uri -> uri.path("/api/communiques")
                        .queryParam("exercise", exerciseId)
                        .build(),
                new ParameterizedTypeReference<>() {});
    }

    // --- the calls -------------------------------------------------------------------------------------------

    private <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return checked(client.get().uri(uri)).body(type);
    }

    private <T> List<T> list(Function<UriBuilder, URI> uri, ParameterizedTypeReference<List<T>> type) {
        List<T> body = checked(client.get().uri(uri)).body(type);
        return body == null ? List.of() : body;
    }

    private static <T> Optional<T> found(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** POST a JSON body (or none), with an idempotency key so that a double submission records once. */
    private <T> T post(String idempotencyKey, Object body, Class<T> answer, String path, Object... variables) {
        RestClient.RequestBodySpec request =
                client.post().uri(path, variables).header("Idempotency-Key", idempotencyKey);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return checked(request).body(answer);
    }

    /** The answer, or an {@link ApiProblem} when the API refused the call. */
    private static RestClient.ResponseSpec checked(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().onStatus(HttpStatusCode::isError, PlatformApi::problem);
    }

    /** An RFC 9457 problem of the API as an {@link ApiProblem}: its detail (or title) and the fields it names. */
    private static void problem(
            org.springframework.http.HttpRequest request, org.springframework.http.client.ClientHttpResponse response)
            throws java.io.IOException {
        int status = response.getStatusCode().value();
        String detail;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        byte[] bytes = response.getBody().readAllBytes();
        try {
            JsonNode problem = JsonMapper.shared().readTree(bytes);
            detail = problem.path("detail").isString()
                    ? problem.path("detail").asString()
                    : problem.path("title").asString("");
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiProblem.FieldError(
                        error.path("field").asString(null), error.path("reason").asString(null)));
            }
        } catch (RuntimeException unreadable) {
            detail = "HTTP " + status;
        }
        throw new ApiProblem(status, detail, errors);
    }
}
