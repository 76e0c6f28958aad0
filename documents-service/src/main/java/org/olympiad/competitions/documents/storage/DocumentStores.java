package org.olympiad.competitions.documents.storage;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import org.olympiad.competitions.documents.DocumentsConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** The one {@link DocumentStore} of the service, chosen by {@code competitions.documents.store.kind}. */
@ApplicationScoped
public class DocumentStores {

    private static final Logger LOG = Logger.getLogger(DocumentStores.class);

    private S3Client client;

    @Produces
    @ApplicationScoped
    @Startup
    DocumentStore store(DocumentsConfig config) {
        DocumentsConfig.Store settings = config.store();
        DocumentStore store = switch (settings.kind()) {
            case "local" -> new LocalDocumentStore(Path.of(settings.localDirectory()));
            case "s3" -> s3(settings.s3());
            default -> throw new IllegalStateException(
                    "competitions.documents.store.kind must be local or s3, not " + settings.kind());
        };
        LOG.infof("documents are stored in %s", store.describe());
        return store;
    }

    private DocumentStore s3(DocumentsConfig.Store.S3 settings) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                // checksums only where S3 requires them: S3-compatible servers do not all accept the SDK's newer
                // default of trailing checksums in chunked uploads
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (settings.accessKey().filter(k -> !k.isBlank()).isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKey().get(), settings.secretKey().orElse(""))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        client = builder.build();
        S3DocumentStore store = new S3DocumentStore(client, settings.bucket());
        try {
            store.ensureBucket();
        } catch (IOException e) {
            // the service still starts: generation jobs retry with back-off until the bucket answers
            LOG.warnf("the document bucket is not reachable yet: %s", e.getMessage());
        }
        return store;
    }

    void close(@Disposes DocumentStore store) {
        if (client != null) {
            client.close();
        }
    }
}
