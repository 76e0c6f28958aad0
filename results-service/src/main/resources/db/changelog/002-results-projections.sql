--liquibase formatted sql

-- What results-service knows of other services' data, filled from their events (projection/*Events consumers).
-- Each table keeps only the columns a calculation, a withholding or an access check reads; the id is the owning
-- service's row id, so applying an event twice writes the same row.

--changeset results:101-projection-catalogue
create table results_projection_seasons (
id uuid primary key,
status text not null
);
create table results_projection_tours (
id uuid primary key,
season_id uuid not null,
title text not null,
position int not null,
status text not null
);
create index results_projection_tours_season_idx on results_projection_tours (season_id);
create table results_projection_tracks (
id uuid primary key,
season_id uuid not null,
tour_id uuid,
key text not null,
title text not null,
deleted boolean not null default false
);
create table results_projection_grade_categories (
id uuid primary key,
season_id uuid not null,
key text not null,
title text not null,
grade_range_key text,
deleted boolean not null default false
);
create index results_projection_grade_categories_season_idx on results_projection_grade_categories (season_id);

--changeset results:102-projection-participants
create table results_projection_participants (
id uuid primary key,
season_id uuid not null,
identity_user_id uuid,
display_name text not null,
grade text,
child_mode_required boolean not null default false,
grade_category_id uuid,
merged boolean not null default false
);
create index results_projection_participants_season_idx on results_projection_participants (season_id);
create index results_projection_participants_user_idx on results_projection_participants (identity_user_id);
create table results_projection_tour_participations (
id uuid primary key,
tour_id uuid not null,
season_id uuid not null,
season_participation_id uuid not null,
participant_id uuid not null,
track_id uuid,
venue_id uuid,
status text not null
);
create index results_projection_tour_participations_tour_idx on results_projection_tour_participations (tour_id);
create index results_projection_tour_participations_participant_idx on results_projection_tour_participations (participant_id);

--changeset results:103-projection-access
create table results_projection_access_claims (
id uuid primary key,
participant_id uuid not null,
requester_user_id uuid not null,
status text not null
);
create index results_projection_access_claims_participant_idx on results_projection_access_claims (participant_id);
create table results_projection_external_teachers (
id uuid primary key,
identity_user_id uuid not null,
verification_status text not null
);
create table results_projection_teacher_links (
id uuid primary key,
external_teacher_profile_id uuid not null,
participant_id uuid not null,
relation_status text not null
);
create index results_projection_teacher_links_participant_idx on results_projection_teacher_links (participant_id);
create table results_projection_groups (
id uuid primary key,
season_id uuid not null,
primary_teacher_user_id uuid,
status text not null
);
create table results_projection_group_members (
id uuid primary key,
group_id uuid not null,
participant_id uuid not null,
status text not null
);
create index results_projection_group_members_participant_idx on results_projection_group_members (participant_id);
create index results_projection_group_members_group_idx on results_projection_group_members (group_id);

--changeset results:104-projection-attempts
create table results_projection_submissions (
id uuid primary key,
tour_participation_id uuid not null,
status text not null
);
create index results_projection_submissions_tp_idx on results_projection_submissions (tour_participation_id);
-- the current score of each (submission, task item); a score without a task item is keyed by the zero uuid
create table results_projection_scores (
submission_id uuid not null,
tour_task_item_id uuid not null,
score_id uuid not null,
score_version int not null,
score numeric(8,2) not null,
max_score numeric(8,2),
primary key (submission_id, tour_task_item_id)
);
create table results_projection_photo_reports (
id uuid primary key,
tour_id uuid not null,
venue_id uuid,
competition_group_id uuid,
status text not null
);
create index results_projection_photo_reports_tour_idx on results_projection_photo_reports (tour_id);

--changeset results:105-results-indexes
-- one live result per participant and scope (a tour, or the season when tour_id is null); voided ones stay as history
create unique index competition_results_live_unique on competition_results
(season_id, coalesce(tour_id, '00000000-0000-0000-0000-000000000000'::uuid), participant_id) where status <> 'void';
create index competition_results_participant_idx on competition_results (participant_id);
create index competition_rankings_scope_idx on competition_rankings (season_id, tour_id, track_id);
create index competition_appeals_participant_idx on competition_appeals (participant_id);
create index competition_arbitration_cases_participant_idx on competition_arbitration_cases (participant_id, status);

--changeset results:106-results-never-deleted splitStatements:false
-- seed rule 3: a result that was finalized or published is never deleted (it is voided or revised instead)
create function competition_results_refuse_delete() returns trigger language plpgsql as $$
begin
  if old.status in ('finalized', 'void') or old.publication_status <> 'hidden' then
    raise exception 'competition_results % is % / %: results are voided, never deleted', old.id, old.status, old.publication_status
      using errcode = '23514', constraint = 'competition_results_never_deleted';
  end if;
  return old;
end $$;
create trigger competition_results_never_deleted before delete on competition_results
for each row execute function competition_results_refuse_delete();

--changeset results:107-grade-in-range splitStatements:false
-- whether a grade falls in a grade category, as registration-service reads grade_range_key: grades ("7", "5,6") and
-- ranges ("7-8", "9-11"); a category without one holds the grade equal to its key
create function results_grade_in_range(range_key text, category_key text, grade text) returns boolean
language sql immutable as $$
  select grade is not null and exists (
    select 1 from unnest(string_to_array(coalesce(nullif(btrim(range_key), ''), category_key), ',')) as part
    where case when btrim(part) ~ '^[0-9]+\s*-\s*[0-9]+$' and btrim(grade) ~ '^[0-9]+$'
               then btrim(grade)::int between btrim(split_part(part, '-', 1))::int and btrim(split_part(part, '-', 2))::int
               else lower(btrim(part)) = lower(btrim(grade)) end)
$$;

--changeset results:108-submission-totals splitStatements:false
-- The current total of each submission: the sum of its current scores per task item and how many there are. The
-- database keeps it as the scores projection changes (statement triggers: the rows one statement inserted, updated
-- or deleted are summed once), so a calculation reads one row per participant instead of one per task item.
create table results_projection_submission_totals (
submission_id uuid primary key,
score numeric(12,2) not null,
items int not null
);
insert into results_projection_submission_totals (submission_id, score, items)
select submission_id, sum(score), count(*) from results_projection_scores group by submission_id;
create function results_scores_to_totals() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into results_projection_submission_totals as t (submission_id, score, items)
    select submission_id, sum(score), count(*) from new_rows group by submission_id
    on conflict (submission_id) do update set score = t.score + excluded.score, items = t.items + excluded.items;
  elsif tg_op = 'UPDATE' then
    insert into results_projection_submission_totals as t (submission_id, score, items)
    select submission_id, sum(score), sum(n) from (select submission_id, score, 1 as n from new_rows
      union all select submission_id, -score, -1 from old_rows) d group by submission_id
    on conflict (submission_id) do update set score = t.score + excluded.score, items = t.items + excluded.items;
  else
    update results_projection_submission_totals t set score = t.score - d.score, items = t.items - d.items
    from (select submission_id, sum(score) as score, count(*) as items from old_rows group by submission_id) d
    where t.submission_id = d.submission_id;
  end if;
  return null;
end $$;
create trigger results_scores_inserted after insert on results_projection_scores
referencing new table as new_rows for each statement execute function results_scores_to_totals();
create trigger results_scores_updated after update on results_projection_scores
referencing old table as old_rows new table as new_rows for each statement execute function results_scores_to_totals();
create trigger results_scores_deleted after delete on results_projection_scores
referencing old table as old_rows for each statement execute function results_scores_to_totals();
