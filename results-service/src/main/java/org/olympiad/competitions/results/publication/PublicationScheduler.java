package org.olympiad.competitions.results.publication;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends scheduled publications out at their time: every interval it publishes those that are due. Several
 * replicas may look at once; the row lock in {@link PublicationService} lets one of them publish and the others
 * find the publication no longer scheduled.
 */
@ApplicationScoped
public class PublicationScheduler {

    private static final Logger LOG = Logger.getLogger(PublicationScheduler.class);

    private final PublicationService publications;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();

    public PublicationScheduler(PublicationService publications, Vertx vertx,
                                @ConfigProperty(name = "results.publication-scheduler.interval", defaultValue = "5s")
                                Duration interval) {
        this.publications = publications;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent start) {
        vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return; // the previous round is still at work
            }
            publications.publishDue().subscribe().with(
                    n -> {
                        running.set(false);
                        if (n > 0) {
                            LOG.infof("published %d scheduled publication(s)", n);
                        }
                    },
                    e -> {
                        running.set(false);
                        LOG.warnf("scheduled publications: %s", e.toString());
                    });
        });
    }
}
