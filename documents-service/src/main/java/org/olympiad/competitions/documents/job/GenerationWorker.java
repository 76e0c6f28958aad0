package org.olympiad.competitions.documents.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.documents.DocumentsConfig;
import org.olympiad.competitions.documents.document.DocumentFiles;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.JdbcOutbox;
import org.olympiad.competitions.platform.request.Caller;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.olympiad.competitions.documents.job.JobStatus.*;

/**
 * Makes the documents of due jobs, on threads of its own with JDBC (background work, not a request; like the outbox
 * relay). The database is the queue: a job is claimed with {@code for update skip locked}, so replicas share the work,
 * and a job left {@code running} without progress for longer than the lease (its worker died with the process) is
 * taken over and resumed where it stopped: documents already generated are not touched again.
 * <p>
 * A job goes in batches: read a batch of its pending documents with the names they print, render and store them on
 * the render threads (memory stays flat: one batch of PDFs at a time), then mark them generated with their events
 * and the job's progress in one transaction. A document is generated only from {@code pending}, so a rerun or a
 * takeover never makes a second one. A storage or database failure is transient: the job goes back to the queue with
 * a doubling delay and its error, and fails for good after the configured number of attempts.
 */
@ApplicationScoped
public class GenerationWorker {

    private static final Logger LOG = Logger.getLogger(GenerationWorker.class);

    private final AgroalDataSource dataSource;
    private final DocumentsConfig config;
    private final DocumentFiles files;
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private ScheduledExecutorService loop;
    private ExecutorService renderers;

    public GenerationWorker(AgroalDataSource dataSource, DocumentsConfig config, DocumentFiles files) {
        this.dataSource = dataSource;
        this.config = config;
        this.files = files;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.worker().enabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "document-generation"));
        renderers = Executors.newFixedThreadPool(Math.max(1, config.worker().renderThreads()),
                r -> daemon(r, "document-render"));
        long every = config.worker().pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::tick, 1000, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        for (ExecutorService executor : new ExecutorService[]{loop, renderers}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    /** Asks for a run soon (new documents arrived); several calls before it starts make one run. */
    public void wakeUp() {
        if (loop != null && !loop.isShutdown() && tickQueued.compareAndSet(false, true)) {
            loop.execute(this::tick);
        }
    }

    void tick() {
        tickQueued.set(false);
        try {
            Optional<UUID> job;
            while (!Thread.currentThread().isInterrupted() && (job = claim()).isPresent()) {
                run(job.get());
            }
        } catch (Exception e) {
            LOG.warnf("document generation will look again: %s", e.toString());
        }
    }

    /**
     * Runs the job batch by batch, the next batch rendering while the last one commits (the render threads do not
     * wait for the database): the next batch is read before the last one is marked, so it leaves the last one's
     * documents out. Once a read finds nothing beyond the batch in flight, a fresh read decides whether the job is done.
     */
    private void run(UUID job) throws SQLException {
        Rendering rendering = null;
        try {
            List<DocumentFiles.Pending> batch = pendingBatch(job, List.of());
            while (batch.isEmpty()) {
                if (finish(job)) {
                    return;
                }
                batch = pendingBatch(job, List.of());
            }
            rendering = render(batch);
            while (!Thread.currentThread().isInterrupted()) {
                List<DocumentFiles.Made> made = rendering.await();
                List<DocumentFiles.Pending> next = pendingBatch(job, batch);
                rendering = next.isEmpty() ? null : render(next);
                if (!commit(job, made)) {
                    return; // cancelled meanwhile: what was made stays, the rest waits for a rerun
                }
                while (next.isEmpty()) {
                    if (finish(job)) {
                        return;
                    }
                    next = pendingBatch(job, List.of());
                }
                if (rendering == null) {
                    rendering = render(next);
                }
                batch = next;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            retryLater(job, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (rendering != null) {
                rendering.cancel(); // stopped early: a document left half-made is still pending and is made again
            }
        }
    }

    // ---- claiming ------------------------------------------------------------------------------------------------

    /** The next due job, now running under this worker; empty when none is due. */
    Optional<UUID> claim() throws SQLException {
        try (Connection c = transaction()) {
            try (PreparedStatement due = c.prepareStatement("select id, status, payload::text, error_message, "
                    + "publication_id, created_at, updated_at from competition_document_generation_jobs "
                    + "where (status = 'queued' and not coalesce((payload->>'waiting')::boolean, false) "
                    + "       and coalesce((payload->>'next_attempt_at')::timestamptz, '-infinity') <= now()) "
                    + "   or (status = 'running' and updated_at < now() - make_interval(secs => ?)) "
                    + "order by created_at limit 1 for update skip locked")) {
                due.setDouble(1, config.worker().lease().toMillis() / 1000.0);
                try (ResultSet rs = due.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return Optional.empty();
                    }
                    Row job = Row.read(rs);
                    String reason = null;
                    if (job.status == running) {
                        reason = "resumed: the worker that ran it stopped without finishing";
                    } else {
                        DocumentGenerationJob.LIFECYCLE.require(job.status, running);
                    }
                    ObjectNode payload = job.payload.deepCopy();
                    payload.putNull("next_attempt_at");
                    Row next = job.with(running, progress(c, job.id, payload), job.errorMessage);
                    save(c, next);
                    JdbcOutbox.record(c, List.of(change(EventTypes.DOCUMENT_GENERATION_JOB_STARTED, job, next, reason)),
                            Caller.Snapshot.NONE);
                    c.commit();
                    return Optional.of(job.id);
                }
            }
        }
    }

    // ---- one batch -----------------------------------------------------------------------------------------------

    /** The job's next pending documents, leaving out those of the batch in flight. */
    private List<DocumentFiles.Pending> pendingBatch(UUID job, List<DocumentFiles.Pending> inFlight) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return files.pendingOf(c, job, config.worker().batchSize(),
                    inFlight.stream().map(DocumentFiles.Pending::id).toList());
        }
    }

    /** A batch being rendered and stored on the render threads. */
    private record Rendering(List<Future<DocumentFiles.Made>> futures) {
        /** The batch's documents; a storage failure fails the whole batch (transient). */
        List<DocumentFiles.Made> await() throws IOException, InterruptedException {
            List<DocumentFiles.Made> made = new ArrayList<>(futures.size());
            IOException storeFailure = null;
            for (Future<DocumentFiles.Made> future : futures) {
                try {
                    made.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        storeFailure = storeFailure == null ? io : storeFailure;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
            if (storeFailure != null) {
                throw storeFailure;
            }
            return made;
        }

        void cancel() {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private Rendering render(List<DocumentFiles.Pending> batch) {
        List<Future<DocumentFiles.Made>> futures = new ArrayList<>(batch.size());
        for (DocumentFiles.Pending document : batch) {
            futures.add(renderers.submit(() -> files.make(document)));
        }
        return new Rendering(futures);
    }

    /** Marks the batch made with its events and the job's progress; false when the job is no longer running. */
    private boolean commit(UUID jobId, List<DocumentFiles.Made> made) throws SQLException {
        try (Connection c = transaction()) {
            Row job = lockJob(c, jobId);
            if (job == null || job.status != running) {
                c.rollback(); // cancelled meanwhile; the stored files are overwritten when the job runs again
                return false;
            }
            List<DomainChange> changes = files.markMade(c, made);
            ObjectNode payload = progress(c, jobId, job.payload.deepCopy());
            payload.put("attempt", 0);
            save(c, job.with(running, payload, null));
            JdbcOutbox.record(c, changes, Caller.Snapshot.NONE);
            c.commit();
            return true;
        }
    }

    // ---- the end of a run ----------------------------------------------------------------------------------------

    /**
     * Ends the run when the job has nothing left to make; false when documents came in since the last read (results
     * are written under the job's lock, which this holds, so it sees every document committed so far).
     */
    private boolean finish(UUID jobId) throws SQLException {
        try (Connection c = transaction()) {
            Row job = lockJob(c, jobId);
            if (job == null || job.status != running) {
                c.rollback();
                return true;
            }
            if (!files.pendingOf(c, jobId, 1, List.of()).isEmpty()) {
                c.rollback();
                return false; // not a failure: go on making them
            }
            ObjectNode payload = progress(c, jobId, job.payload.deepCopy());
            int waitingForNames = payload.path("pending").asInt();
            if (waitingForNames > 0) {
                c.rollback();
                throw new IllegalStateException(waitingForNames
                        + " documents wait for their holder's name or their season from registration-service");
            }
            boolean publication = "publication".equals(payload.path("kind").asText());
            boolean allResultsIn = payload.hasNonNull("expected_results")
                    && payload.path("received_results").asInt() >= payload.get("expected_results").asInt();
            Row next;
            String reason = null;
            if (publication && !allResultsIn) {
                // nothing to do until results-service's events bring the rest; no attempt is spent on waiting
                payload.put("waiting", true);
                next = job.with(DocumentGenerationJob.LIFECYCLE.require(running, queued), payload, null);
                reason = "waiting for the rest of the publication's results";
            } else {
                next = job.with(DocumentGenerationJob.LIFECYCLE.require(running, succeeded), payload, null);
            }
            save(c, next);
            JdbcOutbox.record(c, List.of(change(DocumentGenerationJob.EVENT_TYPE_ON_ENTERING.get(next.status), job,
                    next, reason)), Caller.Snapshot.NONE);
            c.commit();
            return true;
        }
    }

    /** A transient failure: back to the queue after a doubling delay, or failed for good after the last attempt. */
    private void retryLater(UUID jobId, Exception failure) {
        String error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        try (Connection c = transaction()) {
            Row job = lockJob(c, jobId);
            if (job == null || job.status != running) {
                c.rollback();
                return;
            }
            ObjectNode payload = job.payload.deepCopy();
            int attempt = payload.path("attempt").asInt() + 1;
            payload.put("attempt", attempt);
            Row next;
            String reason;
            if (attempt >= config.worker().maxAttempts()) {
                next = job.with(DocumentGenerationJob.LIFECYCLE.require(running, failed), payload, error);
                reason = "failed after " + attempt + " attempts: " + error;
            } else {
                Duration delay = backOff(attempt);
                payload.put("next_attempt_at", Instant.now().plus(delay).truncatedTo(ChronoUnit.MILLIS).toString());
                next = job.with(DocumentGenerationJob.LIFECYCLE.require(running, queued), payload, error);
                reason = "attempt " + attempt + " failed, next in " + delay.toSeconds() + " s: " + error;
            }
            save(c, next);
            JdbcOutbox.record(c, List.of(change(DocumentGenerationJob.EVENT_TYPE_ON_ENTERING.get(next.status), job,
                    next, reason)), Caller.Snapshot.NONE);
            c.commit();
            LOG.warnf("document generation job %s: %s", jobId, reason);
        } catch (SQLException e) {
            // the database itself is away: the lease hands the job to the next run once it is back
            LOG.warnf("document generation job %s could not record its failure: %s", jobId, e.toString());
        }
    }

    Duration backOff(int attempt) {
        long first = config.worker().firstRetryDelay().toMillis();
        long delay = first << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(delay, config.worker().maxRetryDelay().toMillis()));
    }

    // ---- rows ----------------------------------------------------------------------------------------------------

    /** A job row as JDBC reads it. */
    private record Row(UUID id, JobStatus status, ObjectNode payload, String errorMessage, UUID publicationId,
                       Instant createdAt, Instant updatedAt) {
        static Row read(ResultSet rs) throws SQLException {
            try {
                return new Row(rs.getObject(1, UUID.class), JobStatus.valueOf(rs.getString(2)),
                        (ObjectNode) EventJson.mapper().readTree(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("a job's payload is not JSON", e);
            }
        }

        Row with(JobStatus nextStatus, ObjectNode nextPayload, String nextError) {
            return new Row(id, nextStatus, nextPayload, nextError, publicationId, createdAt,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
        }

        JobView view() {
            return JobView.of(id, publicationId, status, payload, errorMessage, createdAt, updatedAt);
        }

        UUID seasonId() {
            JsonNode season = payload.get("season_id");
            return season == null || season.isNull() ? null : UUID.fromString(season.asText());
        }
    }

    private Row lockJob(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, status, payload::text, error_message, publication_id, "
                + "created_at, updated_at from competition_document_generation_jobs where id = ? for update")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Row.read(rs) : null;
            }
        }
    }

    private static void save(Connection c, Row job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update competition_document_generation_jobs "
                + "set status = ?, payload = ?::jsonb, error_message = ?, updated_at = ? where id = ?")) {
            s.setString(1, job.status.name());
            s.setString(2, job.payload.toString());
            s.setString(3, job.errorMessage);
            s.setTimestamp(4, Timestamp.from(job.updatedAt));
            s.setObject(5, job.id);
            s.executeUpdate();
        }
    }

    /** The job's progress counted from its documents (revoked ones are history, not progress). */
    private static ObjectNode progress(Connection c, UUID job, ObjectNode payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) filter (where status <> 'revoked'), "
                + "count(*) filter (where status = 'generated'), count(*) filter (where status = 'failed'), "
                + "count(*) filter (where status = 'pending') "
                + "from competition_award_documents where recipient_snapshot->>'job_id' = ?")) {
            s.setString(1, job.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                payload.put("total", rs.getInt(1)).put("done", rs.getInt(2)).put("failed", rs.getInt(3))
                        .put("pending", rs.getInt(4));
            }
        }
        return payload;
    }

    private static DomainChange change(String type, Row before, Row after, String reason) {
        return DomainChange.of(type, EntityTypes.DOCUMENT_GENERATION_JOB, after.id, after.seasonId(), before.view(),
                after.view(), reason);
    }

    private Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
