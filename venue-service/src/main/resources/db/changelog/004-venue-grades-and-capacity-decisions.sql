--liquibase formatted sql

-- What a seat request needs to know to honour a venue's accepted grade categories: the participant's grade and
-- each grade category's grade range (both from competitions.registration.v1; a grade is not personal data here).

--changeset venue:030-projection-participant-grade
alter table venue_projection_participants add column grade text;

--changeset venue:031-projection-grade-range-key
alter table venue_projection_grade_categories add column grade_range_key text;

-- A capacity change below the current assignments waits as requires_admin_process; the organiser then applies it
-- (once participants are moved, so the new capacity holds them) or rejects it. The seed's check
-- (new_capacity >= current_assignment_count or status = 'requires_admin_process') leaves no room for the seed's own
-- 'rejected' status on exactly such a change, so a rejected change is let through as well: it never took effect,
-- and the rule the check protects (an applied capacity holds the assignments) is untouched.
--changeset venue:032-capacity-change-may-be-rejected
alter table competition_venue_capacity_changes drop constraint competition_venue_capacity_changes_check;
alter table competition_venue_capacity_changes add constraint competition_venue_capacity_changes_check
check (new_capacity >= current_assignment_count or status in ('requires_admin_process', 'rejected'));
--rollback alter table competition_venue_capacity_changes drop constraint competition_venue_capacity_changes_check;
--rollback alter table competition_venue_capacity_changes add constraint competition_venue_capacity_changes_check check (new_capacity >= current_assignment_count or status = 'requires_admin_process');

--changeset venue:033-assignments-by-tour-participation
-- Every seat request asks whether the tour participation holds a seat already (status in a bound list): the
-- partial one-seat index cannot serve a generic plan of that query (PostgreSQL cannot prove a bound list implies
-- the index predicate), so without this index it scanned every assignment of every venue; so did a
-- participation's seat history.
create index competition_venue_assignments_tour_participation_idx on competition_venue_assignments (tour_participation_id);
