--liquibase formatted sql

-- venue-service schema, copied from the seed (shared/spec/schema-seed.md) as DESIGN.md assigns it:
--   tables: competition_venue_applications, competition_venues, competition_teacher_conduct_applications,
--           competition_venue_capacity_changes, competition_venue_assignments, competition_photo_reports
-- FKs among these six tables are kept as the seed writes them. References to tables owned by registration-service
-- (competition_seasons, competition_tours, competition_organizations, competition_tour_participations,
-- competition_participants, competition_groups) are plain uuid columns with the same name and nullability, no FK.

--changeset venue:001-venue-applications
create table competition_venue_applications (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
competition_organization_id uuid not null,
status text not null check (status in ('draft','submitted','needs_changes','approved','rejected','cancelled')),
title text not null,
address jsonb not null default '{}'::jsonb,
geo_point jsonb,
capacity_total int,
accepted_grade_categories jsonb not null default '[]'::jsonb,
contacts jsonb not null default '[]'::jsonb,
access_rules jsonb not null default '{}'::jsonb,
required_documents jsonb not null default '[]'::jsonb,
guardian_policy jsonb not null default '{}'::jsonb,
facility_rules jsonb not null default '{}'::jsonb,
technical_capabilities jsonb not null default '{}'::jsonb,
participant_public_comment text,
admin_internal_comment text,
submitted_by_user_id uuid,
reviewed_by_user_id uuid,
reviewed_at timestamptz,
review_comment text,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_venue_applications;

--changeset venue:002-venues
create table competition_venues (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
competition_organization_id uuid,
venue_application_id uuid references competition_venue_applications(id),
title text not null,
address jsonb not null default '{}'::jsonb,
geo_point jsonb,
capacity int,
current_assignment_count int not null default 0,
public_visibility text not null default 'hidden' check (public_visibility in ('hidden','list','map','list_and_map')),
official_status text not null default 'not_official' check (official_status in ('official','not_official','mixed')),
access_rules jsonb not null default '{}'::jsonb,
required_documents jsonb not null default '[]'::jsonb,
guardian_policy jsonb not null default '{}'::jsonb,
facility_rules jsonb not null default '{}'::jsonb,
technical_capabilities jsonb not null default '{}'::jsonb,
participant_public_comment text,
admin_internal_comment text,
status text not null check (status in ('draft','approved','rejected','active','registration_open','closed_for_selection','running','suspended','cancelled','archived')),
created_at timestamptz not null default now()
);
--rollback drop table competition_venues;

--changeset venue:003-teacher-conduct-applications
create table competition_teacher_conduct_applications (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
tour_id uuid not null,
identity_organization_id uuid not null,
competition_organization_id uuid,
submitted_by_user_id uuid not null,
location_text text,
expected_participant_count int,
planned_date_from date,
planned_date_to date,
grade_categories jsonb not null default '[]'::jsonb,
delivery_mode text not null check (delivery_mode in ('teacher_led','online_supervised','mixed')),
contact_snapshot jsonb not null default '{}'::jsonb,
photo_report_required boolean not null default true,
status text not null check (status in ('draft','submitted','approved','needs_changes','rejected','cancelled','completed')),
admin_comment text,
submitted_at timestamptz,
reviewed_by_user_id uuid,
reviewed_at timestamptz,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_teacher_conduct_applications;

--changeset venue:004-venue-capacity-changes
create table competition_venue_capacity_changes (
id uuid primary key default gen_random_uuid(),
venue_id uuid not null references competition_venues(id),
old_capacity int,
new_capacity int not null,
current_assignment_count int not null,
status text not null check (status in ('applied','requires_admin_process','rejected')),
reason text,
actor_user_id uuid,
created_at timestamptz not null default now(),
check (new_capacity >= current_assignment_count or status = 'requires_admin_process')
);
--rollback drop table competition_venue_capacity_changes;

--changeset venue:005-venue-assignments
create table competition_venue_assignments (
id uuid primary key default gen_random_uuid(),
venue_id uuid not null references competition_venues(id),
tour_participation_id uuid,
participant_id uuid,
assigned_by_user_id uuid,
status text not null default 'assigned'
check (status in ('selected','assigned','confirmed','transferred','cancelled','attended','no_show')),
created_at timestamptz not null default now(),
check (tour_participation_id is not null or participant_id is not null)
);
--rollback drop table competition_venue_assignments;

--changeset venue:006-photo-reports
create table competition_photo_reports (
id uuid primary key default gen_random_uuid(),
tour_id uuid not null,
venue_id uuid references competition_venues(id),
competition_group_id uuid,
teacher_conduct_application_id uuid references competition_teacher_conduct_applications(id),
competition_organization_id uuid,
submitted_by_user_id uuid not null,
status text not null check (status in ('submitted','confirmed','unconfirmed')),
file_refs jsonb not null default '[]'::jsonb,
comment text,
reviewed_by_user_id uuid,
reviewed_at timestamptz,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_photo_reports;
