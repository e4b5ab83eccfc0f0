package io.caravel.creator.web;

import io.caravel.creator.Creators;
import io.caravel.inbox.web.TaskCase;
import io.caravel.screening.ScreeningHit;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The case page of a creator's screening beside its task: who registered, where they publish, and
 * each possible match with the listed entry; the decision (approve a false positive, or reject with
 * the message the creator reads) is the template's.
 */
@Named
@ViewScoped
public class CreatorCaseBean extends TaskCase {

    @Inject
    private Creators creators;

    private transient Creators.View creator;
    private transient List<ScreeningHit> hits;

    @Override
    protected void loadCase() {
        getCreator();
    }

    public Creators.View getCreator() {
        if (creator == null) {
            creator = creators.get(caller, getTask().caseId());
        }
        return creator;
    }

    public List<ScreeningHit> getHits() {
        if (hits == null) {
            hits = creators.hits(caller, getTask().caseId());
        }
        return hits;
    }
}
