--liquibase formatted sql

-- The seat rules as the database's last line of defence, beside the conditional UPDATE that takes a seat:
-- a venue never holds more assignments than its capacity, never fewer than none, and a tour participation holds
-- at most one seat at a time (transferred and cancelled rows are history and hold none).

--changeset venue:020-venue-count-within-capacity
alter table competition_venues add constraint competition_venues_count_within_capacity
check (current_assignment_count >= 0 and (capacity is null or current_assignment_count <= capacity));

--changeset venue:021-one-seat-per-tour-participation
create unique index competition_venue_assignments_one_seat_idx on competition_venue_assignments (tour_participation_id)
where status in ('selected','assigned','confirmed','attended','no_show');

--changeset venue:022-assignment-lookups
create index competition_venue_assignments_venue_idx on competition_venue_assignments (venue_id, status);
create index competition_venue_assignments_participant_idx on competition_venue_assignments (participant_id);
create index competition_venues_season_idx on competition_venues (season_id, status);
create index competition_photo_reports_conduct_idx on competition_photo_reports (teacher_conduct_application_id, status);
