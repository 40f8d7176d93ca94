package fr.ars.coord.region.campaign;

/** What a campaign of an exercise asks before it records (see {@link LockedCampaignExerciseRules}). */
interface CampaignExerciseRules {

    /** Refuses ({@link CampaignRuleViolation}) when {@code exerciseId} (not null) has ended or was never started. */
    void requireRunning(String exerciseId);
}
