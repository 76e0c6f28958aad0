--liquibase formatted sql

-- attempt-service's own additions to the seed tables: the per-item marks of a check (the seed's competition_checks
-- holds only a total), the uniqueness that makes saving an answer an overwrite, the indexes of the hot paths,
-- and the automatic scoring of an answer against its key.

--changeset attempt:201-check-marks
-- One checker's mark per task item within a check; the score versions are written from these once the checks agree.
create table attempt_check_marks (
check_id uuid not null references competition_checks(id),
tour_task_item_id uuid not null references competition_tour_task_items(id),
score numeric(8,2) not null,
comment text,
primary key (check_id, tour_task_item_id)
);
--rollback drop table attempt_check_marks;

--changeset attempt:202-answer-item-once-per-task
create unique index attempt_answer_items_submission_task_unique
on competition_answer_items (submission_id, tour_task_item_id);
--rollback drop index attempt_answer_items_submission_task_unique;

--changeset attempt:203-hot-path-indexes
create index attempt_submissions_binding_status_idx on competition_submissions (activity_binding_id, status);
create index attempt_checks_submission_idx on competition_checks (submission_id);
create index attempt_scores_task_current_idx on competition_scores (tour_task_item_id) where is_current;
create index attempt_task_items_binding_idx on competition_tour_task_items (activity_binding_id);
--rollback drop index attempt_submissions_binding_status_idx; drop index attempt_checks_submission_idx; drop index attempt_scores_task_current_idx; drop index attempt_task_items_binding_idx;

--changeset attempt:204-auto-score-functions splitStatements:false
-- The automatic check, in the database so that a whole tour is scored by set-based statements (see AutoCheck).
-- The key's shape is validated in Java (ScoringKey) before it is stored, so these read well-formed keys only.
-- Text normalisation: trim, collapse inner spaces, ignore case, ё = е; each can be switched off in the key.
create function attempt_normalise_text(t text, n jsonb) returns text
language sql immutable as $fn$
select case when coalesce((n->>'ignoreCase')::boolean, true) then lower(x3) else x3 end
from (select case when coalesce((n->>'yoAsYe')::boolean, true) then translate(x2, 'ёЁ', 'еЕ') else x2 end as x3
      from (select case when coalesce((n->>'collapseSpaces')::boolean, true)
                        then regexp_replace(x1, '\s+', ' ', 'g') else x1 end as x2
            from (select case when coalesce((n->>'trim')::boolean, true) then btrim(t, E' \t\r\n') else t end as x1) a) b) c
$fn$;

-- The score of one answer against its key (competition_tour_task_items.scoring_snapshot): null when the item has
-- no key (checked by hand), 0 for no answer or an answer of the wrong shape.
create function attempt_auto_score(k jsonb, answer jsonb, max_score numeric) returns numeric
language plpgsql immutable as $fn$
declare
    kind text := k->>'type';
    right_picks int;
    wrong_picks int;
    correct_count int;
    given numeric;
begin
    if kind is null then
        return null;
    end if;
    if answer is null or jsonb_typeof(answer) = 'null' then
        return 0;
    end if;
    if kind = 'single_choice' then
        return case when jsonb_typeof(answer) = 'string' and answer #>> '{}' = k->>'correct' then max_score else 0 end;
    elsif kind = 'multiple_choice' then
        if jsonb_typeof(answer) <> 'array' then
            return 0;
        end if;
        correct_count := jsonb_array_length(k->'correct');
        select count(*) filter (where k->'correct' ? a), count(*) filter (where not (k->'correct' ? a))
          into right_picks, wrong_picks
          from (select distinct jsonb_array_elements_text(answer) as a) picks;
        if coalesce(k->>'partialCredit', 'all_or_nothing') = 'proportional' then
            return round(max_score * greatest(right_picks - wrong_picks, 0) / correct_count, 2);
        end if;
        return case when right_picks = correct_count and wrong_picks = 0 then max_score else 0 end;
    elsif kind = 'number' then
        begin
            given := case jsonb_typeof(answer)
                when 'number' then (answer #>> '{}')::numeric
                when 'string' then replace(btrim(answer #>> '{}'), ',', '.')::numeric
                else null end;
        exception when others then
            return 0;
        end;
        return case when given is not null
                     and abs(given - (k->>'value')::numeric) <= coalesce((k->>'tolerance')::numeric, 0)
                    then max_score else 0 end;
    elsif kind = 'short_text' then
        if jsonb_typeof(answer) <> 'string' then
            return 0;
        end if;
        return case when exists (select 1 from jsonb_array_elements_text(k->'variants') v
                                  where attempt_normalise_text(v, k->'normalisation')
                                      = attempt_normalise_text(answer #>> '{}', k->'normalisation'))
                    then max_score else 0 end;
    end if;
    return null;
end
$fn$;
--rollback drop function attempt_auto_score(jsonb, jsonb, numeric); drop function attempt_normalise_text(text, jsonb);
