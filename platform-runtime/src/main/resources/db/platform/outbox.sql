--liquibase formatted sql

--changeset platform:outbox-1
-- Events waiting to be published. Written in the same transaction as the change they describe; the relay
-- publishes them in position order and stamps published_at. id is the event id; aggregate_id the Kafka key.
create table outbox_events (
id uuid primary key,
position bigserial not null,
aggregate_type text not null,
aggregate_id uuid,
type text not null,
occurred_at timestamptz not null,
payload jsonb not null,
published_at timestamptz
);
create unique index outbox_events_position_idx on outbox_events (position);
create index outbox_events_unpublished_idx on outbox_events (position) where published_at is null;

--changeset platform:outbox-2
-- The W3C trace context of the span that recorded the event; the relay sends it as the record's traceparent header,
-- so the consumers' work joins the trace of the request that made the change. Null where nothing was traced.
alter table outbox_events add column traceparent text;
