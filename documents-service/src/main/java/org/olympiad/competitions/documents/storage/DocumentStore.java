package org.olympiad.competitions.documents.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where documents' files live: a local directory by default, an S3-compatible bucket in production. Keys are
 * relative paths such as {@code award-documents/<id>.pdf}. Calls block (file or network I/O): call them from a worker
 * thread. An {@link IOException} is a transient failure the caller may retry.
 */
public interface DocumentStore {

    /** Stores the bytes under the key, replacing what was there (a retried write of the same document is harmless). */
    void put(String key, byte[] content, String contentType) throws IOException;

    /** The stored bytes, streamed; the caller closes the stream. A missing key is a {@link java.io.FileNotFoundException}. */
    InputStream open(String key) throws IOException;

    /** A short name for logs and the README: {@code local:/path} or {@code s3:bucket}. */
    String describe();
}
