package org.olympiad.competitions.documents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** documents-service's own settings ({@code competitions.documents.*} in application.properties). */
@ConfigMapping(prefix = "competitions.documents")
public interface DocumentsConfig {

    /** The public verification page a QR code points to; the document's code is appended. */
    String verificationBaseUrl();

    /** The zone of the dates printed on documents. */
    ZoneId zone();

    Store store();

    Worker worker();

    Verification verification();

    interface Store {
        /** {@code local} or {@code s3}. */
        @WithDefault("local")
        String kind();

        String localDirectory();

        S3 s3();

        interface S3 {
            Optional<String> endpoint();

            String region();

            String bucket();

            Optional<String> accessKey();

            Optional<String> secretKey();

            @WithDefault("true")
            boolean pathStyle();
        }
    }

    interface Worker {
        boolean enabled();

        Duration pollInterval();

        int batchSize();

        int renderThreads();

        Duration lease();

        int maxAttempts();

        Duration firstRetryDelay();

        Duration maxRetryDelay();
    }

    interface Verification {
        /**
         * The header that names the client's address when the service runs behind the API gateway (its first
         * address); absent: the TCP peer's address. Set it only behind a proxy that overwrites the header.
         */
        Optional<String> clientAddressHeader();

        int missesPerWindow();

        Duration window();
    }
}
