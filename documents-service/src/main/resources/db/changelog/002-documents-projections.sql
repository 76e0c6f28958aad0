--liquibase formatted sql

-- What documents-service knows of other services' data, filled from their events (never written by requests):
-- names and titles printed on documents, and who may download a participant's documents.
-- Each row is the latest snapshot of the other service's row; events of one entity arrive in order (keyed by id).

--changeset documents:010-projections
create table documents_projection_events (
id uuid primary key,
title text not null
);

create table documents_projection_seasons (
id uuid primary key,
event_id uuid,
title text not null
);

create table documents_projection_participants (
id uuid primary key,
season_id uuid not null,
identity_user_id uuid,
display_name text not null
);

create table documents_projection_access_claims (
id uuid primary key,
participant_id uuid not null,
requester_user_id uuid not null,
status text not null
);
create index documents_projection_access_claims_requester_idx
on documents_projection_access_claims (requester_user_id, participant_id) where status = 'approved';

create table documents_projection_external_teachers (
id uuid primary key,
identity_user_id uuid not null
);

create table documents_projection_teacher_links (
id uuid primary key,
external_teacher_profile_id uuid not null,
participant_id uuid not null,
relation_status text not null
);
create index documents_projection_teacher_links_participant_idx
on documents_projection_teacher_links (participant_id) where relation_status = 'active';

create table documents_projection_groups (
id uuid primary key,
season_id uuid not null,
primary_teacher_user_id uuid,
title_snapshot text not null,
status text not null
);

create table documents_projection_group_members (
id uuid primary key,
group_id uuid not null,
participant_id uuid not null,
status text not null
);
create index documents_projection_group_members_group_idx on documents_projection_group_members (group_id, participant_id);
create index documents_projection_group_members_participant_idx on documents_projection_group_members (participant_id);
--rollback drop table documents_projection_group_members; drop table documents_projection_groups; drop table documents_projection_teacher_links; drop table documents_projection_external_teachers; drop table documents_projection_access_claims; drop table documents_projection_participants; drop table documents_projection_seasons; drop table documents_projection_events;

--changeset documents:011-document-indexes
-- One live document per result and type: a rerun or a redelivered event cannot issue a second; a revised result's
-- new document may stand beside the revoked old one.
create unique index competition_award_documents_live_per_result
on competition_award_documents (result_id, type) where result_id is not null and status <> 'revoked';
-- the generation worker's queue: a job's documents still to make (recipient_snapshot.job_id names the job)
create index competition_award_documents_job_idx
on competition_award_documents ((recipient_snapshot->>'job_id'), status);
-- at most one generation job per publication: results of a publication advance that job
create unique index competition_document_generation_jobs_publication_unique
on competition_document_generation_jobs (publication_id) where publication_id is not null;
create index competition_document_generation_jobs_due_idx
on competition_document_generation_jobs (status, updated_at) where status in ('queued', 'running');
--rollback drop index competition_document_generation_jobs_due_idx; drop index competition_document_generation_jobs_publication_unique; drop index competition_award_documents_job_idx; drop index competition_award_documents_live_per_result;
