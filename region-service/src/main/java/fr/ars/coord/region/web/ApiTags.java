package fr.ars.coord.region.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The groups of operations in region-service's API document, in the domain's words and in reading order. */
@Component
class ApiTags implements GlobalOpenApiCustomizer {

    static final String REGIONS = "Regions";
    static final String NATIONAL_IMPACT = "National impact";
    static final String CAMPAIGNS = "Campaigns";
    static final String OBSERVABLES = "Observables";

    @Override
    public void customise(OpenAPI document) {
        document.setTags(
                List.of(
                        new Tag()
                                .name(REGIONS)
                                .description(
                                        "The 18 regions with their agency (ARS) and GRADeS e-Santé, one"
                                                + " region's current impact, and its whole lists of incidents and overdue clocks."),
                        new Tag()
                                .name(NATIONAL_IMPACT)
                                .description("The multi-region picture of the national coordination"
                                        + " cell, now or as it stood at an earlier instant."),
                        new Tag()
                                .name(CAMPAIGNS)
                                .description(
                                        "National campaigns: the regional incidents of one attack,"
                                                + " linked by the national cell, with their aggregated impact and suggestions of links.")));
    }
}
