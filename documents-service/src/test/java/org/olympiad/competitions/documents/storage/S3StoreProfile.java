package org.olympiad.competitions.documents.storage;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The service with its documents in an S3-compatible bucket (S3Proxy), its other settings as in every test. */
public class S3StoreProfile implements QuarkusTestProfile {

    @Override
    public java.util.Map<String, String> getConfigOverrides() {
        // the outage test restarts S3Proxy (a few seconds): enough attempts that the job outlives it
        return java.util.Map.of("competitions.documents.worker.max-attempts", "12",
                "competitions.documents.worker.max-retry-delay", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyServer.class));
    }
}
