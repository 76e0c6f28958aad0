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

--changeset attempt:205-auto-score-without-queries splitStatements:false
-- The same scoring as 204, rewritten for speed: the automatic check calls it once per keyed item of every work (2
-- million times for 100,000 works of 20 tasks), and 204 cost about 90 µs a call (measured: 400,000 calls in 36 s).
-- It ran a query per call for a multiple choice and a short text (jsonb_array_elements in a sub-select, the text
-- normalisation as an SQL function with sub-selects that cannot be inlined), and opened a subtransaction per number
-- (its exception block). Here every step is a plain expression: the picks and the variants are walked by index, a
-- number is recognised by a pattern before the cast, and the normalisation is a PL/pgSQL function of expressions.
create or replace function attempt_normalise_text(t text, n jsonb) returns text
language plpgsql immutable parallel safe as $fn$
declare
    x text := t;
begin
    if x is null then
        return null;
    end if;
    if coalesce((n->>'trim')::boolean, true) then
        x := btrim(x, E' \t\r\n');
    end if;
    if coalesce((n->>'collapseSpaces')::boolean, true) then
        x := regexp_replace(x, '\s+', ' ', 'g');
    end if;
    if coalesce((n->>'yoAsYe')::boolean, true) then
        x := translate(x, 'ёЁ', 'еЕ');
    end if;
    if coalesce((n->>'ignoreCase')::boolean, true) then
        x := lower(x);
    end if;
    return x;
end
$fn$;

create or replace function attempt_auto_score(k jsonb, answer jsonb, max_score numeric) returns numeric
language plpgsql immutable parallel safe as $fn$
declare
    kind text := k->>'type';
    right_picks int := 0;
    wrong_picks int := 0;
    correct_count int;
    picks int;
    pick text;
    repeated boolean;
    given numeric;
    given_text text;
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
        picks := jsonb_array_length(answer);
        -- each distinct pick (by its text, as jsonb_array_elements_text gives it) counts once; a null pick not at all
        for i in 0 .. picks - 1 loop
            pick := answer->>i;
            continue when pick is null;
            repeated := false;
            for j in 0 .. i - 1 loop
                if answer->>j = pick then
                    repeated := true;
                    exit;
                end if;
            end loop;
            continue when repeated;
            if k->'correct' ? pick then
                right_picks := right_picks + 1;
            else
                wrong_picks := wrong_picks + 1;
            end if;
        end loop;
        if coalesce(k->>'partialCredit', 'all_or_nothing') = 'proportional' then
            return round(max_score * greatest(right_picks - wrong_picks, 0) / correct_count, 2);
        end if;
        return case when right_picks = correct_count and wrong_picks = 0 then max_score else 0 end;
    elsif kind = 'number' then
        if jsonb_typeof(answer) = 'number' then
            given := (answer #>> '{}')::numeric;
        elsif jsonb_typeof(answer) = 'string' then
            given_text := replace(btrim(answer #>> '{}'), ',', '.');
            if given_text !~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$' then
                return 0;
            end if;
            given := given_text::numeric;
        else
            return 0;
        end if;
        return case when abs(given - (k->>'value')::numeric) <= coalesce((k->>'tolerance')::numeric, 0)
                    then max_score else 0 end;
    elsif kind = 'short_text' then
        if jsonb_typeof(answer) <> 'string' then
            return 0;
        end if;
        given_text := attempt_normalise_text(answer #>> '{}', k->'normalisation');
        for i in 0 .. jsonb_array_length(k->'variants') - 1 loop
            if attempt_normalise_text(k->'variants'->>i, k->'normalisation') = given_text then
                return max_score;
            end if;
        end loop;
        return 0;
    end if;
    return null;
end
$fn$;
--rollback select 1;
