package org.olympiad.competitions.documents.storage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy …). SDK failures surface as {@link IOException}s,
 * which the generation worker retries with back-off.
 */
public class S3DocumentStore implements DocumentStore {

    private final S3Client s3;
    private final String bucket;

    public S3DocumentStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Creates the bucket when it does not exist yet (a fresh environment), once at start. */
    public void ensureBucket() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("bucket " + bucket + " cannot be reached: " + e.getMessage(), e);
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (SdkException created) {
                throw new IOException("bucket " + bucket + " cannot be created: " + created.getMessage(), created);
            }
        } catch (SdkException e) {
            throw new IOException("bucket " + bucket + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IOException("storing " + key + " in bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(key);
        } catch (SdkException e) {
            throw new IOException("reading " + key + " from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3:" + bucket;
    }
}
