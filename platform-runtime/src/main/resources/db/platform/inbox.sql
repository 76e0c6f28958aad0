--liquibase formatted sql

--changeset platform:inbox-1
-- Events a consumer has already applied, written in the same transaction as the effect: a redelivery is a no-op.
create table inbox_processed_events (
consumer text not null,
event_id uuid not null,
processed_at timestamptz not null default now(),
primary key (consumer, event_id)
);
