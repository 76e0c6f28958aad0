package org.olympiad.competitions.results;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void the_service_keeps_the_platform_boundaries() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.olympiad.competitions.results");
        ArchitectureRules.forService("results").forEach(rule -> rule.check(classes));
    }
}
