package io.caravel.screening.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
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

    public void check() {
        try {
            result = screening.manualCheck(name.trim(), type, caller);
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
