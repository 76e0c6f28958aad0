--liquibase formatted sql

-- registration-service schema, copied from the seed (shared/spec/schema-seed.md) as DESIGN.md assigns it:
--   enums: competition_event_status, competition_season_status, competition_tour_status,
--          competition_registration_status, competition_official_data_package_status,
--          competition_season_participation_status, competition_tour_participation_status
--   tables: competition_events, competition_seasons, competition_tours, competition_grade_categories,
--           competition_tracks, competition_participants (+ 3 partial unique indexes), competition_registrations,
--           competition_season_participations, competition_tour_participations, competition_access_claims,
--           external_teacher_profiles, external_teacher_student_links (+ index), competition_groups,
--           competition_organizations (+ the groups -> organizations FK), competition_organization_roles,
--           competition_group_members, competition_group_helpers
-- FKs between these tables are kept as the seed writes them. A reference to a table owned by another service
-- is a plain uuid column with the same name and no FK (here, as in the seed: competition_tour_participations.venue_id,
-- a venue-service row; competition_registrations.group_id is a plain uuid in the seed itself).

--changeset registration:001-enum-types
create type competition_event_status as enum ('draft','active','archived');
create type competition_season_status as enum ('draft','registration_open','running','checking','results_review','published','archived','cancelled');
create type competition_tour_status as enum ('draft','scheduled','open','closed','checking','results_ready','published','archived','cancelled');
create type competition_registration_status as enum ('draft','pre_submitted','needs_completion','submitted','pending_review','approved','rejected','cancelled','duplicate_hold');
create type competition_official_data_package_status as enum ('not_required','not_filled','incomplete','needs_verification','confirmed','rejected');
create type competition_season_participation_status as enum ('pending','active','completed','withdrawn','disqualified');
create type competition_tour_participation_status as enum ('pending','admitted','active','completed','withdrawn','disqualified');
--rollback drop type competition_tour_participation_status;
--rollback drop type competition_season_participation_status;
--rollback drop type competition_official_data_package_status;
--rollback drop type competition_registration_status;
--rollback drop type competition_tour_status;
--rollback drop type competition_season_status;
--rollback drop type competition_event_status;

--changeset registration:002-events
create table competition_events (
id uuid primary key default gen_random_uuid(),
slug text not null unique,
title text not null,
type text not null check (type in ('olympiad','contest','tournament')),
subject_key text,
status competition_event_status not null default 'draft',
public_visibility text not null default 'hidden',
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_events;

--changeset registration:003-seasons
create table competition_seasons (
id uuid primary key default gen_random_uuid(),
event_id uuid not null references competition_events(id),
title text not null,
status competition_season_status not null default 'draft',
registration_policy jsonb not null default '{}'::jsonb,
fee_policy jsonb not null default '{}'::jsonb,
starts_at timestamptz,
ends_at timestamptz,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_seasons;

--changeset registration:004-tours
create table competition_tours (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
title text not null,
position int not null,
format text not null check (format in ('test','written','scans','hybrid','chess','other')),
status competition_tour_status not null default 'draft',
starts_at timestamptz,
ends_at timestamptz,
settings jsonb not null default '{}'::jsonb,
unique (season_id, position)
);
--rollback drop table competition_tours;

--changeset registration:005-grade-categories
create table competition_grade_categories (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
key text not null,
title text not null,
grade_range_key text,
created_at timestamptz not null default now(),
unique (season_id, key)
);
--rollback drop table competition_grade_categories;

--changeset registration:006-tracks
create table competition_tracks (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
tour_id uuid references competition_tours(id),
key text not null,
title text not null,
settings jsonb not null default '{}'::jsonb,
unique (season_id, tour_id, key)
);
--rollback drop table competition_tracks;

--changeset registration:007-participants
create table competition_participants (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
student_profile_id uuid,
organization_student_id uuid,
identity_organization_id uuid,
organization_membership_id uuid,
organization_student_snapshot jsonb not null default '{}'::jsonb,
identity_user_id uuid,
display_name text not null,
grade text,
child_mode_required boolean not null default false,
official_data_ref jsonb,
identity_status text not null default 'unlinked',
duplicate_status text not null default 'not_checked',
created_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
check (organization_student_id is null or identity_organization_id is not null)
);

create unique index uq_competition_participants_season_identity
on competition_participants(season_id, identity_user_id)
where identity_user_id is not null and duplicate_status <> 'merged';

create unique index uq_competition_participants_season_student_profile
on competition_participants(season_id, student_profile_id)
where student_profile_id is not null and duplicate_status <> 'merged';

create unique index uq_competition_participants_season_org_student
on competition_participants(season_id, organization_student_id)
where organization_student_id is not null and duplicate_status <> 'merged';
--rollback drop table competition_participants;

--changeset registration:008-registrations
-- Official data package fields are protected identity refs, not raw official values.
create table competition_registrations (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
participant_id uuid references competition_participants(id),
group_id uuid,
learning_workspace_id uuid,
learning_group_id uuid,
status competition_registration_status not null default 'draft',
stage text not null default 'pre_registration'
check (stage in ('pre_registration','details_required','ready_for_review','complete')),
source text not null check (source in ('self','parent','teacher','organization','admin')),
required_fields_status jsonb not null default '{}'::jsonb,
delivery_preferences jsonb not null default '{}'::jsonb,
teacher_name_text text,
official_data_package_required boolean not null default false,
official_data_package_status competition_official_data_package_status not null default 'not_required',
official_data_ref jsonb,
parent_contact_ref jsonb,
parent_invite_ref jsonb,
official_data_collected_by_user_id uuid,
official_data_collected_at timestamptz,
official_data_verified_by_user_id uuid,
official_data_verified_at timestamptz,
submitted_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
check (
(official_data_package_required = false and official_data_package_status = 'not_required')
or
official_data_package_required = true
)
);
--rollback drop table competition_registrations;

--changeset registration:009-season-participations
create table competition_season_participations (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
participant_id uuid not null references competition_participants(id),
registration_id uuid references competition_registrations(id),
status competition_season_participation_status not null default 'pending',
payment_status text not null default 'not_required',
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
unique (season_id, participant_id)
);
--rollback drop table competition_season_participations;

--changeset registration:010-tour-participations
create table competition_tour_participations (
id uuid primary key default gen_random_uuid(),
tour_id uuid not null references competition_tours(id),
season_participation_id uuid not null references competition_season_participations(id),
delivery_mode text not null check (delivery_mode in ('online','teacher_led','venue','imported')),
track_id uuid references competition_tracks(id),
venue_id uuid,
status competition_tour_participation_status not null default 'pending',
admitted_at timestamptz,
unique (tour_id, season_participation_id)
);
--rollback drop table competition_tour_participations;

--changeset registration:011-access-claims
create table competition_access_claims (
id uuid primary key default gen_random_uuid(),
participant_id uuid not null references competition_participants(id),
requester_user_id uuid not null,
claim_type text not null check (claim_type in ('student','parent','family')),
status text not null check (status in ('requested','approved','rejected','cancelled')),
evidence jsonb not null default '{}'::jsonb,
reviewed_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_access_claims;

--changeset registration:012-external-teacher-profiles
create table external_teacher_profiles (
id uuid primary key default gen_random_uuid(),
identity_user_id uuid not null,
display_name_snapshot text not null,
organization_name text,
verification_status text not null check (verification_status in ('pending','verified','rejected','revoked')),
verification_source text not null check (verification_source in ('self_declaration','organization','admin','migration')),
allowed_season_refs jsonb not null default '[]'::jsonb,
verified_by_user_id uuid,
verified_at timestamptz,
revoked_at timestamptz,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
unique (identity_user_id)
);
--rollback drop table external_teacher_profiles;

--changeset registration:013-external-teacher-student-links
create table external_teacher_student_links (
id uuid primary key default gen_random_uuid(),
external_teacher_profile_id uuid not null references external_teacher_profiles(id),
participant_id uuid not null references competition_participants(id),
relation_status text not null check (relation_status in ('pending','active','revoked','rejected')),
evidence jsonb not null default '{}'::jsonb,
created_at timestamptz not null default now(),
revoked_at timestamptz,
unique (external_teacher_profile_id, participant_id)
);

create index idx_external_teacher_student_links_participant
on external_teacher_student_links(participant_id, relation_status);
--rollback drop table external_teacher_student_links;

--changeset registration:014-groups
create table competition_groups (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
competition_organization_id uuid,
learning_workspace_id uuid not null,
learning_group_id uuid not null,
primary_teacher_user_id uuid,
title_snapshot text not null,
member_snapshot jsonb not null default '[]'::jsonb,
snapshot_taken_at timestamptz not null default now(),
status text not null check (status in ('active','archived')),
created_at timestamptz not null default now(),
unique (season_id, learning_group_id)
);
--rollback drop table competition_groups;

--changeset registration:015-organizations
create table competition_organizations (
id uuid primary key default gen_random_uuid(),
season_id uuid not null references competition_seasons(id),
identity_organization_id uuid not null,
display_name_snapshot text not null,
participation_status text not null default 'active',
season_scope jsonb not null default '{}'::jsonb,
snapshot_taken_at timestamptz not null default now(),
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
unique (season_id, identity_organization_id)
);
--rollback drop table competition_organizations;

--changeset registration:016-groups-organization-fk
alter table competition_groups
add constraint fk_competition_groups_competition_organization
foreign key (competition_organization_id)
references competition_organizations(id);
--rollback alter table competition_groups drop constraint fk_competition_groups_competition_organization;

--changeset registration:017-organization-roles
create table competition_organization_roles (
id uuid primary key default gen_random_uuid(),
competition_organization_id uuid not null references competition_organizations(id),
role text not null check (role in ('organizer','closed_group_host','open_venue')),
status text not null default 'active',
created_at timestamptz not null default now()
);
--rollback drop table competition_organization_roles;

--changeset registration:018-group-members
create table competition_group_members (
id uuid primary key default gen_random_uuid(),
group_id uuid not null references competition_groups(id) on delete cascade,
participant_id uuid not null references competition_participants(id),
learning_group_member_id uuid,
member_snapshot jsonb not null default '{}'::jsonb,
status text not null check (status in ('active','removed')),
unique (group_id, participant_id)
);
--rollback drop table competition_group_members;

--changeset registration:019-group-helpers
create table competition_group_helpers (
id uuid primary key default gen_random_uuid(),
group_id uuid not null references competition_groups(id) on delete cascade,
helper_user_id uuid not null,
role text not null check (role in ('answers_entry','file_upload','roster_view','venue_staff')),
granted_by_user_id uuid not null,
status text not null check (status in ('active','revoked')),
created_at timestamptz not null default now(),
revoked_at timestamptz,
unique (group_id, helper_user_id, role)
);
--rollback drop table competition_group_helpers;
