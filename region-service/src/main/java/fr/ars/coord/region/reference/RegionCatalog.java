package fr.ars.coord.region.reference;

import fr.ars.coord.contracts.region.Region;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 18 regions with their regional health agency and, where known, their regional e-health group. */
public final class RegionCatalog {

    private static final Map<Region, String> GRADES = Map.ofEntries(
            Map.entry(Region.ARA, "GCS SARA"),
            Map.entry(Region.BRE, "GCS e-Santé Bretagne"),
            Map.entry(Region.CVL, "GIP e-Santé Centre-Val de Loire"),
            Map.entry(Region.GES, "GRADeS Pulsy"),
            Map.entry(Region.HDF, "GIP Sant&Numérique Hauts-de-France"),
            Map.entry(Region.IDF, "GIP SESAN"),
            Map.entry(Region.NOR, "Normand'e-Santé"),
            Map.entry(Region.NAQ, "GIP ESEA Nouvelle-Aquitaine"),
            Map.entry(Region.OCC, "GIP e-santé Occitanie"),
            Map.entry(Region.PDL, "GCS e-santé Pays de la Loire"),
            Map.entry(Region.PAC, "GIP ieSS"),
            Map.entry(Region.GUF, "GCS Guyasis"),
            Map.entry(Region.REU, "GCS TESIS"),
            Map.entry(Region.MAY, "GCS TESIS"));

    private static final List<RegionInfo> ALL = Arrays.stream(Region.values())
            .map(r -> new RegionInfo(r.code(), r.displayName(), arsName(r), GRADES.get(r)))
            .toList();
    private static final Map<String, RegionInfo> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(RegionInfo::code, Function.identity()));

    private RegionCatalog() {}

    public static List<RegionInfo> all() {
        return ALL;
    }

    public static Optional<RegionInfo> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static String nameOf(String code) {
        return byCode(code).map(RegionInfo::name).orElse(code);
    }

    private static String arsName(Region region) {
        return region == Region.COR ? "ARS de Corse" : "ARS " + region.displayName();
    }
}
