package io.caravel.screening.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.screening.IdentifierCheck;
import io.caravel.screening.Identifiers;
import io.caravel.screening.PartyType;
import io.caravel.screening.ScreeningResult;
import io.caravel.screening.ScreeningService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The inbox page where an officer screens any name by hand. */
@Named
@RequestScoped
public class ScreeningPageBean {

    @Inject
    private ScreeningService screening;

    @Inject
    private Caller caller;

    private String name;
    private PartyType type = PartyType.INDIVIDUAL;
    private ScreeningResult result;
    private String dateOfBirth;
    private String nationality;

    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }

    /** An adjustment in words: what raised or lowered a hit's score, with the values compared. */
    public String adjustment(IdentifierCheck.Adjustment adjustment) {
        return Adjustments.words(adjustment);
    }

    /** Why a hit's names matched, in words. */
    public String explanation(io.caravel.screening.Explanation explanation) {
        return Adjustments.words(explanation);
    }

    public void check() {
        try {
            result = screening.manualCheck(name.trim(), type, Identifiers.parse(dateOfBirth, nationality), caller);
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public PartyType[] getTypes() {
        return new PartyType[] {PartyType.INDIVIDUAL, PartyType.ENTITY};
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public PartyType getType() { return type; }
    public void setType(PartyType type) { this.type = type; }
    public ScreeningResult getResult() { return result; }
}
