--liquibase formatted sql

-- documents-service schema, copied from the seed (shared/spec/schema-seed.md) as DESIGN.md assigns it:
--   tables: competition_award_documents, competition_document_generation_jobs, competition_teacher_materials
-- Columns, defaults, checks and unique constraints are the seed's text. Every seed FK of these tables points
-- into another service, so each is a plain uuid column with the same name and nullability, no FK:
-- result_id, publication_id (results-service), season_id, tour_id (registration-service),
-- teacher_conduct_application_id (venue-service).

--changeset documents:001-award-documents
create table competition_award_documents (
id uuid primary key default gen_random_uuid(),
result_id uuid,
type text not null check (type in ('diploma','certificate','gratitude','participation','teacher_gratitude','team_gratitude','organization_gratitude','venue_gratitude')),
recipient_type text not null default 'participant'
check (recipient_type in ('participant','teacher','team_member','organization','venue')),
recipient_snapshot jsonb not null default '{}'::jsonb,
status text not null check (status in ('pending','generated','failed','revoked')),
document_url text,
verification_code text unique,
generated_at timestamptz,
check (result_id is not null or recipient_type <> 'participant')
);
--rollback drop table competition_award_documents;

--changeset documents:002-document-generation-jobs
create table competition_document_generation_jobs (
id uuid primary key default gen_random_uuid(),
publication_id uuid,
status text not null check (status in ('queued','running','succeeded','failed','cancelled')),
payload jsonb not null default '{}'::jsonb,
error_message text,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_document_generation_jobs;

--changeset documents:003-teacher-materials
create table competition_teacher_materials (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
tour_id uuid,
teacher_conduct_application_id uuid,
material_type text not null check (material_type in ('poster','banner','announcement_text','school_news_text','teacher_instruction','student_instruction','parent_instruction','tour_material','participant_list','report_template','photo_report','results_news','gratitude')),
title text not null,
description text,
file_ref jsonb,
text_content text,
visibility text not null check (visibility in ('teacher','teacher_and_helpers','organization','public','admin')),
available_from timestamptz,
available_until timestamptz,
status text not null check (status in ('draft','published','archived')),
generated boolean not null default false,
source_ref jsonb,
created_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_teacher_materials;
