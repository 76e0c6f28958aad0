--liquibase formatted sql

-- What attempt-service keeps of registration-service's data, filled by RegistrationProjections from
-- competitions.registration.v1 (never written by the API). No personal data: a participant is its ids only,
-- which is also what blind checking needs.

--changeset attempt:101-projection-tours
create table attempt_projection_tours (
tour_id uuid primary key,
season_id uuid not null,
status text not null,
format text,
starts_at timestamptz,
ends_at timestamptz,
settings jsonb not null default '{}'::jsonb,
updated_at timestamptz not null default now()
);
--rollback drop table attempt_projection_tours;

--changeset attempt:102-projection-participants
create table attempt_projection_participants (
participant_id uuid primary key,
season_id uuid not null,
identity_user_id uuid,
duplicate_status text,
updated_at timestamptz not null default now()
);
create index attempt_projection_participants_identity_idx on attempt_projection_participants (identity_user_id);
--rollback drop table attempt_projection_participants;

--changeset attempt:103-projection-season-participations
create table attempt_projection_season_participations (
season_participation_id uuid primary key,
season_id uuid not null,
participant_id uuid not null,
status text not null,
updated_at timestamptz not null default now()
);
--rollback drop table attempt_projection_season_participations;

--changeset attempt:104-projection-tour-participations
create table attempt_projection_tour_participations (
tour_participation_id uuid primary key,
tour_id uuid not null,
season_participation_id uuid,
participant_id uuid,
delivery_mode text,
track_id uuid,
status text not null,
updated_at timestamptz not null default now()
);
create index attempt_projection_tour_participations_tour_idx on attempt_projection_tour_participations (tour_id);
create index attempt_projection_tour_participations_participant_idx on attempt_projection_tour_participations (participant_id);
--rollback drop table attempt_projection_tour_participations;

--changeset attempt:105-projection-group-members
create table attempt_projection_group_members (
group_member_id uuid primary key,
group_id uuid not null,
participant_id uuid,
status text not null,
updated_at timestamptz not null default now()
);
create index attempt_projection_group_members_participant_idx on attempt_projection_group_members (participant_id);
--rollback drop table attempt_projection_group_members;

--changeset attempt:106-projection-group-helpers
create table attempt_projection_group_helpers (
group_helper_id uuid primary key,
group_id uuid not null,
helper_user_id uuid not null,
role text not null,
status text not null,
updated_at timestamptz not null default now()
);
create index attempt_projection_group_helpers_user_idx on attempt_projection_group_helpers (helper_user_id);
--rollback drop table attempt_projection_group_helpers;
