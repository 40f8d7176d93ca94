package fr.ars.coord.platform.obligation;

import fr.ars.coord.contracts.region.Region;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A setting with one value per region, written {@code FR-HDF=value;FR-NOR=value} (e.g. the contacts told of a
 * region's obligations). A region unknown or without a value stops the service at start, naming {@code key}.
 */
public final class RegionSetting {

    private RegionSetting() {}

    public static Map<Region, String> parse(String key, String setting) {
        Map<Region, String> byRegion = new EnumMap<>(Region.class);
        if (setting == null || setting.isBlank()) {
            return Collections.unmodifiableMap(byRegion);
        }
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            Region region = Region.byCode(parts[0].strip())
                    .orElseThrow(() -> new IllegalArgumentException(key + ": unknown region " + parts[0].strip()));
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(key + ": no value for " + region.code());
            }
            byRegion.put(region, parts[1].strip());
        }
        return Collections.unmodifiableMap(byRegion);
    }
}
