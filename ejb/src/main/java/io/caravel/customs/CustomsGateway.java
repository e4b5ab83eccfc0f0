package io.caravel.customs;

/**
 * What Caravel needs from a customs gateway (China's single window, an EU IOSS/H7 broker, ...): it
 * takes a declaration and answers later, asynchronously, through {@link CustomsAnswers}. A real
 * gateway's client sits behind this interface the way the built-in {@link SimulatedCustomsGateway} does.
 */
public interface CustomsGateway {

    /** The gateway's name, stored with each submission. */
    String name();

    /**
     * Sends the declaration; answers the gateway's reference for the submission. {@code submissionKey}
     * (declaration and attempt) is the same when a failed step is retried, so a gateway that
     * de-duplicates by it never takes one submission twice.
     */
    String submit(String submissionKey, DeclarationDocuments documents);
}
