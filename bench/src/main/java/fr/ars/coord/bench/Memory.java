package fr.ars.coord.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Phase 6: the resident memory of every process after the load. */
record Memory(BenchPlatform platform, Results results) {

    void run() throws Exception {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String service : List.of("gateway", "incident-service", "region-service", "notification-service")) {
            rss.put(service, rss(LocalJvm.ofService(service)));
        }
        rss.put("keycloak", rss(LocalJvm.find("io.quarkus.bootstrap.runner.QuarkusEntryPoint")));
        rss.put("postgres-launcher", rss(LocalJvm.find("infra-stores.jar postgres")));
        rss.put("mongo-compatible-server", rss(LocalJvm.find("infra-stores.jar mongo")));
        Map<String, Double> rounded = new LinkedHashMap<>();
        rss.forEach((k, v) -> rounded.put(k, v == null ? null : Math.round(v * 10.0) / 10.0));
        results.put("rss_mb_after_load", rounded);
    }

    private static Double rss(LocalJvm jvm) throws IOException {
        return jvm == null ? null : jvm.rssMegabytes();
    }
}
