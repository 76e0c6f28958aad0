--liquibase formatted sql

-- results-service schema, copied from the seed (shared/spec/schema-seed.md) as DESIGN.md assigns it:
--   enum: competition_publication_status
--   tables: competition_award_statuses, competition_award_policies, competition_results, competition_rankings,
--           competition_appeals, competition_arbitration_cases, competition_publications
--   data: the seven award statuses (last changeset)
-- Columns, defaults, checks and unique constraints are the seed's text. FKs between these tables are kept
-- (results -> award_statuses, appeals -> results). References to tables owned by another service
-- (competition_seasons, competition_tours, competition_grade_categories, competition_tracks,
-- competition_participants: registration-service; competition_submissions: attempt-service) are plain uuid
-- columns with the same name and nullability, no FK.

--changeset results:001-publication-status-enum
create type competition_publication_status as enum ('hidden','personal','public','archived');
--rollback drop type competition_publication_status;

--changeset results:002-award-statuses
create table competition_award_statuses (
key text primary key check (key in (
'diploma_1',
'diploma_2',
'diploma_3',
'honorable_mention_1',
'honorable_mention_2',
'participation_certificate',
'no_award'
)),
title text not null,
document_type text,
sort_order int not null,
active boolean not null default true
);
--rollback drop table competition_award_statuses;

--changeset results:003-award-policies
create table competition_award_policies (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
track_id uuid,
grade_category_id uuid,
rules jsonb not null default '{}'::jsonb,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_award_policies;

--changeset results:004-results
create table competition_results (
id uuid primary key default gen_random_uuid(),
tour_id uuid,
season_id uuid not null,
participant_id uuid not null,
track_id uuid,
score numeric(8,2) not null,
rank int,
award_status_key text not null default 'no_award' references competition_award_statuses(key),
status text not null check (status in ('draft','calculated','review','finalized','void')),
publication_status competition_publication_status not null default 'hidden',
threshold_policy_snapshot jsonb not null default '{}'::jsonb,
approved_by_user_id uuid,
approved_at timestamptz,
is_withheld boolean not null default false,
withheld_reason text,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_results;

--changeset results:005-rankings
create table competition_rankings (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
tour_id uuid,
track_id uuid,
participant_id uuid not null,
rank int not null,
score numeric(8,2) not null,
calculated_at timestamptz not null default now()
);
--rollback drop table competition_rankings;

--changeset results:006-appeals
create table competition_appeals (
id uuid primary key default gen_random_uuid(),
result_id uuid references competition_results(id),
submission_id uuid,
participant_id uuid not null,
status text not null check (status in ('draft','submitted','in_review','accepted','rejected','cancelled')),
reason text not null,
decision_comment text,
submitted_by_user_id uuid not null,
reviewed_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_appeals;

--changeset results:007-arbitration-cases
create table competition_arbitration_cases (
id uuid primary key default gen_random_uuid(),
submission_id uuid,
participant_id uuid,
status text not null check (status in ('opened','in_review','cleared','sanctioned','closed')),
suspicion_type text not null,
evidence_refs jsonb not null default '[]'::jsonb,
decision_comment text,
opened_by_user_id uuid,
decided_by_user_id uuid,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now()
);
--rollback drop table competition_arbitration_cases;

--changeset results:008-publications
create table competition_publications (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
type text not null check (type in ('personal_results','public_results','works','materials','training','venues')),
status text not null check (status in ('draft','scheduled','published','hidden','archived')),
grade_category_id uuid,
track_id uuid,
settings jsonb not null default '{}'::jsonb,
published_at timestamptz
);
--rollback drop table competition_publications;

--changeset results:009-award-statuses-seed
insert into competition_award_statuses (key, title, document_type, sort_order) values
('diploma_1', 'Диплом I степени', 'diploma', 1),
('diploma_2', 'Диплом II степени', 'diploma', 2),
('diploma_3', 'Диплом III степени', 'diploma', 3),
('honorable_mention_1', 'Похвальная грамота I степени', 'certificate', 4),
('honorable_mention_2', 'Похвальная грамота II степени', 'certificate', 5),
('participation_certificate', 'Сертификат участника', 'participation', 6),
('no_award', 'Без награды', null, 7);
--rollback delete from competition_award_statuses where key in ('diploma_1','diploma_2','diploma_3','honorable_mention_1','honorable_mention_2','participation_certificate','no_award');
