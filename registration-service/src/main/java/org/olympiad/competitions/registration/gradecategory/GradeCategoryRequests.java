package org.olympiad.competitions.registration.gradecategory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the grade category endpoints. */
public final class GradeCategoryRequests {

    /** A key as other tables and services refer to it: lowercase letters, digits, {@code _} and {@code -}. */
    static final String KEY = "[a-z0-9][a-z0-9_-]{0,62}";
    static final String KEY_MESSAGE = "must be 1-63 lowercase letters, digits, underscores or dashes, starting with a letter or digit";

    private GradeCategoryRequests() {
    }

    @Schema(name = "GradeCategoryCreate")
    public record Create(
            @NotBlank @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @NotBlank @Size(max = 300) String title,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String gradeRangeKey) {
    }

    /** Only the fields given change; the key is fixed once created. */
    @Schema(name = "GradeCategoryUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String gradeRangeKey) {
    }
}
