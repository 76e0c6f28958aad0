package org.olympiad.competitions.registration.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A season's {@code registration_policy}, typed. Per source (self, parent, teacher, organization, admin): whether it
 * may register at all, which fields a registration needs, which grade categories may register, the registration
 * window, whether an official data package (ГИР) is required and whether approval waits for it, and whether
 * approval is automatic or by an organiser's review. A source the policy does not mention may not register;
 * an empty policy (a fresh draft season) allows nobody yet.
 * <pre>
 * {"sources": {"self": {"requiredFields": ["grade", "parentContact"], "gradeCategories": ["grade_7_8"],
 *   "window": {"opensAt": "2026-09-01T00:00:00Z", "closesAt": "2026-10-01T00:00:00Z"},
 *   "officialDataPackage": {"required": true, "approvalWaitsForIt": false}, "approval": "review"}}}
 * </pre>
 */
public record RegistrationPolicy(Map<RegistrationSource, SourceRule> sources) {

    static final String FIELD = "registrationPolicy";
    private static final Pattern CATEGORY_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public RegistrationPolicy {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** What a registration must carry, besides the participant's name which every registration has. */
    public enum RequiredField { grade, gradeCategory, deliveryMode, teacherName, parentContact, organization, track }

    public enum Approval { automatic, review }

    /** Lists are copied immutably: a null inside one fails the parse, as a wrong type. */
    public record SourceRule(
            Boolean enabled,
            List<RequiredField> requiredFields,
            List<String> gradeCategories,
            Window window,
            OfficialDataPackage officialDataPackage,
            Approval approval) {

        public SourceRule {
            enabled = enabled == null || enabled;
            requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
            gradeCategories = gradeCategories == null ? List.of() : List.copyOf(gradeCategories);
            officialDataPackage = officialDataPackage == null ? new OfficialDataPackage(false, false) : officialDataPackage;
            approval = approval == null ? Approval.review : approval;
        }

        /** True when the category may register under this rule (no list means every category). */
        public boolean admitsCategory(String key) {
            return gradeCategories.isEmpty() || gradeCategories.contains(key);
        }

        public boolean isOpenAt(Instant t) {
            return window == null || window.contains(t);
        }
    }

    /** [opensAt, closesAt); either end may be open. */
    public record Window(Instant opensAt, Instant closesAt) {
        public boolean contains(Instant t) {
            return (opensAt == null || !t.isBefore(opensAt)) && (closesAt == null || t.isBefore(closesAt));
        }
    }

    public record OfficialDataPackage(boolean required, boolean approvalWaitsForIt) {
    }

    /** Parses and checks a policy; anything wrong is a 422 naming its path. */
    public static RegistrationPolicy parse(JsonNode json) {
        RegistrationPolicy policy = StrictJson.read(FIELD, json, RegistrationPolicy.class);
        policy.sources.forEach((source, rule) -> {
            String at = FIELD + ".sources." + source;
            if (rule == null) {
                throw ProblemException.invalidField(at, "json-object", at + " must be an object");
            }
            if (rule.window() != null) {
                Timestamps.requireOrdered(rule.window().opensAt(), rule.window().closesAt(),
                        at + ".window.opensAt", at + ".window.closesAt");
            }
            for (int i = 0; i < rule.gradeCategories().size(); i++) {
                String key = rule.gradeCategories().get(i);
                if (!CATEGORY_KEY.matcher(key).matches()) {
                    throw ProblemException.invalidField(at + ".gradeCategories[" + i + "]", "grade-category-key",
                            "a grade category key is 1-63 lowercase letters, digits, '_' or '-'");
                }
            }
            if (rule.officialDataPackage().approvalWaitsForIt() && !rule.officialDataPackage().required()) {
                throw ProblemException.invalidField(at + ".officialDataPackage.approvalWaitsForIt", "requires-required",
                        "approval can wait for the official data package only when the package is required");
            }
        });
        return policy;
    }

    /** The rule for a source, or null when that source may not register. */
    public SourceRule ruleFor(RegistrationSource source) {
        SourceRule rule = sources.get(source);
        return rule == null || !rule.enabled() ? null : rule;
    }
}
