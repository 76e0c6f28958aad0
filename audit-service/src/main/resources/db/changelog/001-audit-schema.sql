--liquibase formatted sql

--changeset audit:001-audit-logs
create table competition_audit_logs (
id uuid primary key default gen_random_uuid(),
actor_user_id uuid,
action text not null,
entity_type text not null,
entity_id uuid,
before jsonb,
after jsonb,
reason text,
request_id text,
created_at timestamptz not null default now()
);

create index competition_audit_logs_entity_idx
on competition_audit_logs (entity_type, entity_id, created_at desc);
