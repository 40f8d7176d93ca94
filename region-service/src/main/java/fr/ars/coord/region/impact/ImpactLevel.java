package fr.ars.coord.region.impact;

/**
 * How badly a region is hit, worst rule first:
 * <ul>
 *   <li>{@code CRITICAL}: medical data exposed, or severe operational impact, or 100,000 patients or more;</li>
 *   <li>{@code HIGH}: social-security numbers exposed, or degraded operations, or 10,000 patients or more, or a
 *       regulatory clock overdue;</li>
 *   <li>{@code MODERATE}: any patient data exposed, or 1,000 patients or more;</li>
 *   <li>{@code LOW}: incidents recorded, no data known to be exposed;</li>
 *   <li>{@code NONE}: no incident.</li>
 * </ul>
 */
public enum ImpactLevel {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    CRITICAL
}
