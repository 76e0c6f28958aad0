package org.olympiad.competitions.documents.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.FileNotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.olympiad.competitions.documents.Feeds.as;
import static org.olympiad.competitions.documents.Feeds.awaitJob;
import static org.olympiad.competitions.documents.Feeds.documentsOf;

/** Documents in an S3-compatible bucket on a real server (S3Proxy, a separate process), and a storage outage. */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class S3DocumentStoreTest {

    @Inject
    DocumentStore store;

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() throws Exception {
        feeds.close();
    }

    @Test
    void generated_documents_are_objects_in_the_bucket_and_download_from_it() throws Exception {
        assertThat(store.describe()).isEqualTo("s3:" + S3ProxyServer.BUCKET);
        Feeds.Season season = feeds.season("Олимпиада по географии", "Сезон 2026/27");
        UUID holderUser = UUID.randomUUID();
        UUID holder = feeds.participant(season, "Тихонова Ксения", holderUser);
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, holder, publication, "diploma_1", null));
        feeds.publicationPublished(season, publication, 1);
        awaitJob(publication, "succeeded");
        String document = (String) documentsOf(holder).get(0).get("id");

        byte[] downloaded = as("participant", holderUser).get("/award-documents/{id}/pdf", document).then()
                .statusCode(200).extract().asByteArray();
        try (S3Client s3 = client()) {
            byte[] inBucket = s3.getObjectAsBytes(b -> b.bucket(S3ProxyServer.BUCKET)
                    .key("award-documents/" + document + ".pdf")).asByteArray();
            assertThat(inBucket).isEqualTo(downloaded);
        }
        assertThat(new String(downloaded, 0, 5)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> store.open("award-documents/" + UUID.randomUUID() + ".pdf"))
                .isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void a_storage_outage_sends_the_job_back_to_the_queue_with_its_error_and_it_finishes_once_storage_is_back()
            throws Exception {
        Feeds.Season season = feeds.season("Олимпиада по астрономии", "Сезон 2026/27");
        UUID holder = feeds.participant(season, "Гусев Лев", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        S3ProxyServer.halt();
        try {
            feeds.published(feeds.result(season, holder, publication, "diploma_2", null));
            feeds.publicationPublished(season, publication, 1);

            Map<String, Object>[] job = new Map[1];
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                job[0] = awaitJob(publication, "queued");
                Map<?, ?> progress = (Map<?, ?>) job[0].get("progress");
                return ((Integer) progress.get("attempt")) >= 1;
            });
            assertThat((String) job[0].get("errorMessage")).contains("storing award-documents/");
            assertThat(((Map<?, ?>) job[0].get("progress")).get("nextAttemptAt")).isNotNull();
            assertThat(documentsOf(holder)).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("pending"));
        } finally {
            S3ProxyServer.launch();
        }

        Map<String, Object> finished = awaitJob(publication, "succeeded");
        assertThat(((Map<?, ?>) finished.get("progress")).get("done")).isEqualTo(1);
        assertThat(finished.get("errorMessage")).isNull();
        assertThat(documentsOf(holder)).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("generated"));
    }

    private static S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(S3ProxyServer.endpoint())).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL))).build();
    }
}
