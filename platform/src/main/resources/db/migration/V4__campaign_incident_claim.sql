-- One campaign per incident, enforced where it cannot race: region-service writes a row here in the same
-- transaction as the event that links an incident (and deletes it with the one that unlinks it), so two links of
-- one incident to two campaigns cannot both commit. Filled from the events already stored.
CREATE TABLE campaign_incident (
    incident_id VARCHAR(255) PRIMARY KEY,
    campaign_id VARCHAR(255) NOT NULL
);

INSERT INTO campaign_incident (incident_id, campaign_id)
SELECT incident_id, campaign_id
FROM (SELECT convert_from(payload, 'UTF8')::json ->> 'incidentId' AS incident_id,
             convert_from(payload, 'UTF8')::json ->> 'campaignId' AS campaign_id,
             payloadtype,
             row_number() OVER (PARTITION BY convert_from(payload, 'UTF8')::json ->> 'incidentId'
                                ORDER BY globalindex DESC) AS latest
      FROM domainevententry
      WHERE payloadtype IN ('fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent',
                            'fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent')) links
WHERE latest = 1
  AND payloadtype = 'fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent';
