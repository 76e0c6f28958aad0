--liquibase formatted sql

-- attempt-service schema, copied from the seed (shared/spec/schema-seed.md) as DESIGN.md assigns it:
--   enum: competition_submission_status
--   tables: competition_tour_activity_bindings, competition_tour_task_structures, competition_tour_task_items,
--           competition_training_publications, competition_submissions, competition_submission_files,
--           competition_answer_items, competition_checks, competition_scores
--           (+ the partial unique index competition_scores_current_unique)
-- Columns, defaults, checks and unique constraints are the seed's text. FKs between these tables are kept
-- (with on delete cascade where the seed has it). References to tables owned by registration-service
-- (competition_seasons, competition_tours, competition_grade_categories, competition_tracks,
-- competition_tour_participations, competition_participants) are plain uuid columns with the same name and
-- nullability, no FK.

--changeset attempt:001-submission-status-enum
create type competition_submission_status as enum ('not_started','started','submitted','locked','checking','checked','void');
--rollback drop type competition_submission_status;

--changeset attempt:002-tour-activity-bindings
create table competition_tour_activity_bindings (
id uuid primary key default gen_random_uuid(),
season_id uuid not null,
tour_id uuid not null,
grade_category_id uuid,
track_id uuid,
mode text not null check (mode in ('lms_activity','temporary_adapter')),
lms_activity_ref jsonb,
adapter_ref jsonb,
task_bank_source_ref jsonb,
status text not null check (status in ('draft','review','locked','published','archived')),
activity_snapshot_ref jsonb,
locked_at timestamptz,
created_at timestamptz not null default now(),
check (
(mode = 'lms_activity' and lms_activity_ref is not null)
or
(mode = 'temporary_adapter' and adapter_ref is not null and activity_snapshot_ref is not null)
)
);
--rollback drop table competition_tour_activity_bindings;

--changeset attempt:003-tour-task-structures
create table competition_tour_task_structures (
id uuid primary key default gen_random_uuid(),
activity_binding_id uuid not null references competition_tour_activity_bindings(id) on delete cascade,
grade_category_id uuid,
task_count int not null check (task_count > 0),
max_total_score numeric(8,2) not null,
structure_snapshot jsonb not null default '{}'::jsonb,
locked_at timestamptz,
created_at timestamptz not null default now(),
unique (activity_binding_id, grade_category_id)
);
--rollback drop table competition_tour_task_structures;

--changeset attempt:004-tour-task-items
create table competition_tour_task_items (
id uuid primary key default gen_random_uuid(),
activity_binding_id uuid not null references competition_tour_activity_bindings(id) on delete cascade,
task_structure_id uuid references competition_tour_task_structures(id) on delete cascade,
task_number int not null,
display_title text,
max_score numeric(8,2) not null,
lms_activity_item_ref jsonb,
task_bank_problem_version_ref jsonb,
scoring_snapshot jsonb not null default '{}'::jsonb,
created_at timestamptz not null default now(),
unique (activity_binding_id, task_number)
);
--rollback drop table competition_tour_task_items;

--changeset attempt:005-training-publications
create table competition_training_publications (
id uuid primary key default gen_random_uuid(),
source_activity_binding_id uuid not null references competition_tour_activity_bindings(id),
source_tour_task_structure_id uuid references competition_tour_task_structures(id),
lms_ref jsonb not null,
storefront_ref jsonb,
training_mode text not null check (training_mode in ('practice','timed_practice','review_mode','mock_contest')),
visibility text not null check (visibility in ('public','registered','participants','teacher','admin')),
status text not null check (status in ('draft','scheduled','published','paused','archived')),
scheduled_at timestamptz,
published_at timestamptz,
created_at timestamptz not null default now()
);
--rollback drop table competition_training_publications;

--changeset attempt:006-submissions
create table competition_submissions (
id uuid primary key default gen_random_uuid(),
tour_participation_id uuid not null,
activity_binding_id uuid references competition_tour_activity_bindings(id),
lms_activity_attempt_ref jsonb,
adapter_attempt_ref jsonb,
status competition_submission_status not null default 'not_started',
attempt_status_snapshot jsonb not null default '{}'::jsonb,
submitted_at timestamptz,
locked_at timestamptz,
created_at timestamptz not null default now(),
updated_at timestamptz not null default now(),
unique (tour_participation_id)
);
--rollback drop table competition_submissions;

--changeset attempt:007-submission-files
create table competition_submission_files (
id uuid primary key default gen_random_uuid(),
submission_id uuid not null references competition_submissions(id) on delete cascade,
type text not null check (type in ('file','photo','scan','pdf','image','zip')),
url text not null,
uploaded_by_user_id uuid,
uploaded_for_participant_id uuid,
is_late boolean not null default false,
late_reason text,
metadata jsonb not null default '{}'::jsonb,
created_at timestamptz not null default now()
);
--rollback drop table competition_submission_files;

--changeset attempt:008-answer-items
create table competition_answer_items (
id uuid primary key default gen_random_uuid(),
submission_id uuid not null references competition_submissions(id) on delete cascade,
tour_task_item_id uuid references competition_tour_task_items(id),
lms_activity_item_ref jsonb,
item_result_snapshot jsonb not null default '{}'::jsonb,
created_at timestamptz not null default now()
);
--rollback drop table competition_answer_items;

--changeset attempt:009-checks
create table competition_checks (
id uuid primary key default gen_random_uuid(),
submission_id uuid not null references competition_submissions(id),
method text not null check (method in ('lms_runtime','temporary_adapter','auto','manual','hybrid','imported')),
status text not null check (status in ('pending','checked','needs_review','failed','overridden')),
score numeric(8,2),
checked_by_user_id uuid,
reason text,
created_at timestamptz not null default now()
);
--rollback drop table competition_checks;

--changeset attempt:010-scores
create table competition_scores (
id uuid primary key default gen_random_uuid(),
submission_id uuid not null references competition_submissions(id),
tour_task_item_id uuid references competition_tour_task_items(id),
lms_activity_item_ref jsonb,
score_version int not null default 1,
is_current boolean not null default true,
score numeric(8,2) not null,
max_score numeric(8,2),
source_check_id uuid references competition_checks(id),
source_runtime_ref jsonb,
score_snapshot jsonb not null default '{}'::jsonb,
recalculation_reason text,
voided_at timestamptz,
created_at timestamptz not null default now(),
unique (submission_id, tour_task_item_id, score_version)
);
--rollback drop table competition_scores;

--changeset attempt:011-scores-current-unique-index
create unique index competition_scores_current_unique
on competition_scores (submission_id, tour_task_item_id)
where is_current = true;
--rollback drop index competition_scores_current_unique;
