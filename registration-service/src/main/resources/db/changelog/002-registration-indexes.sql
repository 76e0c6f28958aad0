--liquibase formatted sql

-- Indexes for the service's own queries, beyond the seed's (the seed's tables and constraints stay exactly as written).

--changeset registration:002-participants-name-key
-- Likely duplicates: participants of a season with the same grade and normalised name (case, ё/е).
-- The expression matches RegistrationService.likelyTwinOf; names are stored with single spaces.
create index idx_competition_participants_name_key
on competition_participants (season_id, grade, lower(replace(replace(display_name, 'Ё', 'Е'), 'ё', 'е')))
where duplicate_status <> 'merged';

--changeset registration:002-registrations-season
create index idx_competition_registrations_season on competition_registrations (season_id, created_at);
create index idx_competition_registrations_participant on competition_registrations (participant_id);
create index idx_competition_registrations_submitted_by on competition_registrations (submitted_by_user_id);
