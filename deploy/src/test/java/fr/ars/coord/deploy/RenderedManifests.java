package fr.ars.coord.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The chart rendered by the embedded Helm with some values set, as the manifests Kubernetes would receive. */
final class RenderedManifests {

    static final Path CHART = Path.of("helm/ars-platform").toAbsolutePath();

    private RenderedManifests() {}

    static List<Map<String, Object>> render(Map<String, Object> values) {
        TemplateCommand template =
                new Helm(CHART).template().withName("ars").withNamespace("ars").withKubeVersion("1.32.0");
        values.forEach(template::set);
        return parse(template.call());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map && !map.isEmpty()) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    static String name(Map<String, Object> manifest) {
        return String.valueOf(((Map<?, ?>) manifest.get("metadata")).get("name"));
    }
}
