package org.olympiad.competitions.platform.problem;

/** The stable problem types a client can switch on. The URI never changes once published. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    INVALID_INPUT(400, "Invalid input"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    ILLEGAL_TRANSITION(409, "Illegal state transition"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable input"),
    PERSONAL_DATA_REFUSED(422, "Raw personal data refused"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "https://olympiad.example/problems/" + name().toLowerCase().replace('_', '-');
    }
}
