package org.olympiad.competitions.registration.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A season's {@code fee_policy}, typed: whether participation is paid, how much and in which currency, and which
 * registration sources are exempt (an organisation paying for its pupils, say). Payment itself is the platform's
 * storefront's; a season participation only carries its {@code payment_status}.
 * <pre>{"required": true, "amount": 500, "currency": "RUB", "exemptSources": ["organization"]}</pre>
 */
public record FeePolicy(Boolean required, BigDecimal amount, String currency, List<RegistrationSource> exemptSources) {

    static final String FIELD = "feePolicy";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public FeePolicy {
        required = required != null && required;
        exemptSources = exemptSources == null ? List.of() : List.copyOf(exemptSources);
    }

    public static FeePolicy parse(JsonNode json) {
        FeePolicy policy = StrictJson.read(FIELD, json, FeePolicy.class);
        if (policy.amount() != null && policy.amount().signum() < 0) {
            throw ProblemException.invalidField(FIELD + ".amount", "not-negative", "amount must not be negative");
        }
        if (policy.currency() != null && !CURRENCY.matcher(policy.currency()).matches()) {
            throw ProblemException.invalidField(FIELD + ".currency", "iso-4217", "currency is a three-letter ISO 4217 code");
        }
        if (policy.required() && (policy.amount() == null || policy.currency() == null)) {
            String missing = policy.amount() == null ? FIELD + ".amount" : FIELD + ".currency";
            throw ProblemException.invalidField(missing, "required-when-paid", "a paid season needs an amount and a currency");
        }
        return policy;
    }

    /** Whether a registration from this source owes the fee. */
    public boolean payableBy(RegistrationSource source) {
        return required() && !exemptSources.contains(source);
    }
}
