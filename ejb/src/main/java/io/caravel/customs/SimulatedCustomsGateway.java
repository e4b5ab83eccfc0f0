package io.caravel.customs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A SIMULATOR of a customs gateway for demos and tests: no declaration reaches any customs. It
 * accepts every declaration a second after it was submitted, unless the consignee's address asks for
 * another answer: "[simulate: reject]" is rejected (reason R-VALUE, value doubted) and
 * "[simulate: no answer]" is never answered, so the retries and the hold can be seen.
 */
@ApplicationScoped
public class SimulatedCustomsGateway implements CustomsGateway {

    public static final String NAME = "simulator";
    static final String REJECT = "[simulate: reject]";
    static final String NO_ANSWER = "[simulate: no answer]";
    private static final Logger LOG = Logger.getLogger(SimulatedCustomsGateway.class.getName());
    private static final int DELIVERY_ATTEMPTS = 30;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CustomsAnswers answers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(String submissionKey, DeclarationDocuments documents) {
        // the same key gives the same reference: a retried step's submission is the same submission
        String ref = "simcus_" + UUID.nameUUIDFromBytes(submissionKey.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        String address = documents.order().consigneeAddress().toLowerCase(Locale.ROOT);
        if (!address.contains(NO_ANSWER)) {
            boolean accepted = !address.contains(REJECT);
            deliver(ref, accepted, accepted ? null : "R-VALUE", 1);
        }
        return ref;
    }

    /** Answers after a second; until the submission has committed, the answer is tried again. */
    private void deliver(String ref, boolean accepted, String reason, int attempt) {
        scheduler.schedule(() -> {
            try {
                if (!answers.answer(NAME, ref, accepted, reason) && attempt < DELIVERY_ATTEMPTS) {
                    deliver(ref, accepted, reason, attempt + 1);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "customs simulator: answer to " + ref + " failed, trying again", e);
                if (attempt < DELIVERY_ATTEMPTS) {
                    deliver(ref, accepted, reason, attempt + 1);
                }
            }
        }, 1, TimeUnit.SECONDS);
    }
}
