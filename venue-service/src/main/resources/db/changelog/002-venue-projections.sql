--liquibase formatted sql

-- Projections of registration-service's rows that venue-service decides with, filled from competitions.registration.v1
-- (RegistrationEvents). Each row is the latest snapshot of its entity (events of one entity arrive in order: the
-- topic is keyed by entity id); only the columns venue-service reads are kept, and no personal data beyond the
-- identity user id that maps a token to a participant.

--changeset venue:010-projection-seasons
create table venue_projection_seasons (
id uuid primary key,
status text not null,
updated_at timestamptz not null default now()
);

--changeset venue:011-projection-tours
create table venue_projection_tours (
id uuid primary key,
season_id uuid not null,
status text not null,
updated_at timestamptz not null default now()
);

--changeset venue:012-projection-grade-categories
create table venue_projection_grade_categories (
id uuid primary key,
season_id uuid not null,
key text not null,
title text not null,
deleted boolean not null default false
);

--changeset venue:013-projection-organizations
create table venue_projection_organizations (
id uuid primary key,
season_id uuid not null,
identity_organization_id uuid not null,
display_name_snapshot text not null,
participation_status text not null
);

--changeset venue:014-projection-organization-roles
create table venue_projection_organization_roles (
id uuid primary key,
competition_organization_id uuid not null,
role text not null,
status text not null
);
create index venue_projection_organization_roles_org_idx on venue_projection_organization_roles (competition_organization_id);

--changeset venue:015-projection-participants
create table venue_projection_participants (
id uuid primary key,
season_id uuid not null,
identity_user_id uuid,
duplicate_status text not null default 'not_checked'
);
create index venue_projection_participants_user_idx on venue_projection_participants (identity_user_id);

--changeset venue:016-projection-season-participations
create table venue_projection_season_participations (
id uuid primary key,
season_id uuid not null,
participant_id uuid not null,
status text not null
);

--changeset venue:017-projection-tour-participations
create table venue_projection_tour_participations (
id uuid primary key,
tour_id uuid not null,
season_participation_id uuid not null,
participant_id uuid,
delivery_mode text not null,
status text not null
);
create index venue_projection_tour_participations_participant_idx on venue_projection_tour_participations (participant_id);

--changeset venue:018-projection-groups
create table venue_projection_groups (
id uuid primary key,
season_id uuid not null,
competition_organization_id uuid,
primary_teacher_user_id uuid,
status text not null
);
create index venue_projection_groups_org_idx on venue_projection_groups (competition_organization_id);

--changeset venue:019-projection-group-helpers
create table venue_projection_group_helpers (
id uuid primary key,
group_id uuid not null,
helper_user_id uuid not null,
role text not null,
status text not null
);
create index venue_projection_group_helpers_user_idx on venue_projection_group_helpers (helper_user_id, role);
