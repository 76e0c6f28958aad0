package org.olympiad.competitions.platform.testing;

import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.olympiad.competitions.platform.state.StateMachine;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries every service keeps, as ArchUnit rules; each service's ArchitectureTest checks them on its classes.
 */
public final class ArchitectureRules {

    private static final String SERVICES = "org.olympiad.competitions.(registration|venue|attempt|results|documents|audit)..";

    private ArchitectureRules() {
    }

    /** The rules for the service whose root package is {@code org.olympiad.competitions.<service>}. */
    public static List<ArchRule> forService(String service) {
        return List.of(
                noClasses().that().areAnnotatedWith(Entity.class)
                        .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                        .as("domain entities do not depend on the web layer"),
                noClasses().that().haveSimpleNameEndingWith("Resource")
                        .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                        .as("resources speak in views and requests, never entities: persistence stays in services"),
                noClasses().that().haveSimpleNameEndingWith("Resource")
                        .should().dependOnClassesThat().areAssignableTo(StateMachine.class)
                        .as("state machines live in the domain, not in resources"),
                classes().that().areAnnotatedWith(Path.class).should().haveSimpleNameEndingWith("Resource")
                        .as("HTTP endpoints are in *Resource classes"),
                noClasses().that().resideInAPackage("org.olympiad.competitions." + service + "..")
                        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "another service's classes", c -> c.getPackageName().matches(SERVICES.replace("..", "\\..*"))
                                        && !c.getPackageName().startsWith("org.olympiad.competitions." + service)))
                        .as("services depend on one another only through shared-contracts"));
    }
}
