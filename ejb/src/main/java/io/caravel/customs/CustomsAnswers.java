package io.caravel.customs;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Where a customs gateway's answers arrive: each is stored with its submission and, when the
 * declaration still waits for that submission's answer, passed to its workflow. A late answer (after
 * the wait ran out and the declaration was resubmitted or held) is kept but changes nothing.
 */
@Stateless
public class CustomsAnswers {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private RuntimeService runtime;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Applies an answer; false when the submission is not known (yet): the gateway delivers it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answer(String gateway, String gatewayRef, boolean accepted, String reasonCode) {
        DeclarationSubmission submission = em.createQuery("select s from DeclarationSubmission s where s.gateway = :g"
                        + " and s.gatewayRef = :r", DeclarationSubmission.class).setParameter("g", gateway)
                .setParameter("r", gatewayRef).getResultStream().findFirst().orElse(null);
        if (submission == null) {
            return false;
        }
        if (submission.answer() != null) {
            return true;
        }
        String answer = accepted ? "ACCEPTED" : "REJECTED";
        submission.answered(answer, reasonCode, clock.instant());
        CustomsDeclaration declaration = em.find(CustomsDeclaration.class, submission.declarationId());
        // only the newest submission's answer counts (attempts start again after a correction)
        String newest = em.createQuery("select s.id from DeclarationSubmission s where s.declarationId = :d"
                        + " order by s.submittedAt desc, s.attempt desc", String.class)
                .setParameter("d", declaration.id()).setMaxResults(1).getSingleResult();
        boolean waiting = declaration.status() == DeclarationStatus.SUBMITTED && newest.equals(submission.id())
                && runtime.createExecutionQuery().processInstanceId(declaration.processInstanceId())
                .messageEventSubscriptionName(CustomsWorkflow.ANSWERED_MESSAGE).count() > 0;
        audit.record(gateway, "CUSTOMS_ANSWERED", CustomsWorkflow.CASE_TYPE, declaration.id(), answer
                + (reasonCode == null ? "" : " " + reasonCode) + " to attempt " + submission.attempt()
                + (waiting ? "" : " (late: the declaration no longer waits for it)"),
                Detail.of("CUSTOMS_ANSWERED", Arg.code("customsAnswer", answer), Arg.text(submission.attempt()))
                        .and("REASONS", Arg.code("reason", reasonCode))
                        .andIf(!waiting, "ANSWER_LATE"));
        if (waiting) {
            runtime.createMessageCorrelation(CustomsWorkflow.ANSWERED_MESSAGE)
                    .processInstanceId(declaration.processInstanceId())
                    .setVariable(CustomsWorkflow.ANSWER, answer)
                    .setVariable(CustomsWorkflow.REASON, reasonCode)
                    .correlate();
        }
        return true;
    }
}
