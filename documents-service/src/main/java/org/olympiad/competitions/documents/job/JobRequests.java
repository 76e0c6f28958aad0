package org.olympiad.competitions.documents.job;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies for generation jobs. */
public final class JobRequests {

    private JobRequests() {
    }

    /** Run a finished job again ({@code queued}) or cancel one ({@code cancelled}). */
    public record Transition(@NotNull JobStatus to, @Size(max = 1000) String reason) {
    }
}
