package io.caravel.hs;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import io.caravel.platform.Messages;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Classification help for sellers and storefronts: explains HS codes and suggests codes for a
 * product description. Loads the bundled HS 2022 nomenclature once at start-up; the nomenclature is
 * immutable, so calls run concurrently without locks.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HsService {

    private static final Logger LOG = Logger.getLogger(HsService.class.getName());

    private volatile HsNomenclature nomenclature;

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        nomenclature = HsNomenclature.bundled();
        LOG.info(() -> String.format("%s nomenclature loaded: %d codes in %d ms", HsNomenclature.EDITION,
                nomenclature.size(), (System.nanoTime() - start) / 1_000_000));
    }

    /** The HS edition Caravel classifies by, to be stored with every code it checks. */
    public String edition() {
        return HsNomenclature.EDITION;
    }

    /** What an HS code (2 to 10 digits, dots and spaces allowed) means, with its section, chapter and heading. */
    public Classification classify(String code) {
        return nomenclature.classify(code);
    }

    /**
     * Why a code is not a valid HS 2022 code (in English, for the record), or empty when it is. Unlike
     * {@link #classify}, this never throws, so a workflow step can record the answer as a finding.
     */
    public java.util.Optional<String> problem(String code) {
        try {
            nomenclature.classify(code);
            return java.util.Optional.empty();
        } catch (io.caravel.platform.CaravelException e) {
            if (e.type() == io.caravel.platform.ProblemType.NOT_FOUND) {
                return java.util.Optional.of("no such code in the nomenclature");
            }
            io.caravel.platform.CaravelException.FieldError field = e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0);
            return java.util.Optional.of(field == null ? Messages.text(Locale.ENGLISH, e.messageKey(), e.arguments())
                    : Messages.text(Locale.ENGLISH, field.messageKey(), field.arguments()));
        }
    }

    /** The subheadings that best fit a product description, best first; at most {@code limit} (1 to 50). */
    public List<Suggestion> suggest(String words, int limit) {
        return nomenclature.suggest(words, limit);
    }
}
