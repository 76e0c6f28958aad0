package org.olympiad.competitions.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.olympiad.competitions.contracts.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across the outbox. Kafka instrumentation alone would start a new trace at the relay (a background
 * thread that knows nothing of the request), so the outbox keeps the W3C {@code traceparent} of the span that recorded
 * each event, the relay sends it as the record's {@code traceparent} header, and a consumer's processing span is a
 * child of it: one trace from the HTTP request through Kafka into every consumer.
 */
@ApplicationScoped
public class EventTracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<String> TRACEPARENT_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(EventHeaders.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return EventHeaders.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.olympiad.competitions.platform");
    }

    /** The {@code traceparent} of the current span, or null where nothing is traced (no request, or tracing off). */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, MAP_SETTER);
        return carrier.get(EventHeaders.TRACEPARENT);
    }

    /** The trace context a record carries in its {@code traceparent} header, or null if it carries none (or a bad one). */
    public static SpanContext carriedBy(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        if (header == null || header.value() == null) {
            return null;
        }
        SpanContext carried = Span.fromContext(W3C.extract(Context.root(),
                new String(header.value(), StandardCharsets.UTF_8), TRACEPARENT_GETTER)).getSpanContext();
        return carried.isValid() ? carried : null;
    }

    /**
     * Runs a consumer's work on one record in a span of its own, the child of the span that recorded the event (or of
     * the current span, for a record without a traceparent). The span is current while the work runs and ends with it.
     */
    public <T> Uni<T> processing(String consumer, ConsumerRecord<?, ?> record, Supplier<Uni<T>> work) {
        SpanContext carried = carriedBy(record);
        Context parent = carried == null ? Context.current() : Context.current().with(Span.wrap(carried));
        Span span = tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", String.valueOf(record.topic()))
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.kafka.destination.partition", (long) record.partition())
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
        return within(span, work);
    }

    /**
     * Runs a consumer's work on one batch in one span, linked to the span that recorded each of its events (a batch
     * has many parents; OpenTelemetry's answer is links). A batch of one is a child, as {@link #processing} would make.
     */
    public <T> Uni<T> processingBatch(String consumer, List<? extends ConsumerRecord<?, ?>> records, Supplier<Uni<T>> work) {
        if (records.size() == 1) {
            return processing(consumer, records.get(0), work);
        }
        var builder = tracer.spanBuilder((records.isEmpty() ? "kafka" : records.get(0).topic()) + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        for (ConsumerRecord<?, ?> record : records) {
            SpanContext carried = carriedBy(record);
            if (carried != null) {
                builder.addLink(carried);
            }
        }
        return within(builder.startSpan(), work);
    }

    private static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            // current on the record's Vert.x context while the work runs: SQL spans and log lines join this trace
            Scope scope = span.makeCurrent();
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            return started.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                }
                span.end();
                scope.close();
            });
        });
    }
}
