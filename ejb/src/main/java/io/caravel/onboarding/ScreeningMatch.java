package io.caravel.onboarding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Ids;
import io.caravel.screening.Explanation;
import io.caravel.screening.IdentifierCheck;
import io.caravel.screening.ListSource;
import io.caravel.screening.ScreeningHit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sanctions list entry that matched a name in an application, kept with the case as evidence. */
@Entity(name = "ScreeningMatch")
@Table(name = "screening_match")
public class ScreeningMatch {

    @Id
    private String id;
    @Column(name = "application_id", nullable = false, updatable = false)
    private String applicationId;
    @Column(name = "screened_name", nullable = false)
    private String screenedName;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_role", nullable = false)
    private PartyRole partyRole;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source", nullable = false)
    private ListSource listSource;
    @Column(name = "ent_num", nullable = false)
    private long entNum;
    @Column(name = "listed_name", nullable = false)
    private String listedName;
    @Column(name = "matched_name", nullable = false)
    private String matchedName;
    @Column(name = "alternate_name", nullable = false)
    private boolean alternateName;
    private double score;
    @Column(name = "final_score")
    private Double finalScore;
    private String adjustments;
    private boolean discounted;
    private String explanation;
    private String programs;
    @Column(name = "list_version", nullable = false)
    private String listVersion;
    @Column(name = "screened_at", nullable = false)
    private Instant screenedAt;
    @Enumerated(EnumType.STRING)
    private Disposition disposition;
    @Column(name = "disposition_reason")
    private String dispositionReason;
    @Column(name = "disposed_by")
    private String disposedBy;
    @Column(name = "disposed_at")
    private Instant disposedAt;

    /** An officer's verdict on a hit: the listed party is the applicant, or someone else. */
    @Schema(name = "ScreeningDisposition")
    public enum Disposition { TRUE_MATCH, FALSE_POSITIVE }

    protected ScreeningMatch() {
    }

    ScreeningMatch(String applicationId, String screenedName, PartyRole partyRole, ScreeningHit hit, Instant at) {
        this.id = Ids.newId();
        this.applicationId = applicationId;
        this.screenedName = screenedName;
        this.partyRole = partyRole;
        this.listSource = hit.list();
        this.entNum = hit.entNum();
        this.listedName = hit.listedName();
        this.matchedName = hit.matchedName();
        this.alternateName = hit.alternate();
        this.score = hit.score();
        this.finalScore = hit.finalScore();
        this.adjustments = IdentifierCheck.Adjustment.format(hit.adjustments());
        this.discounted = hit.discounted();
        this.explanation = Explanation.format(hit.explanation());
        this.programs = String.join(",", hit.programs());
        this.listVersion = hit.listVersion();
        this.screenedAt = at;
    }

    /** Records an officer's verdict on this hit with the reason (e.g. "other date of birth"). */
    void dispose(Disposition verdict, String reason, String by, Instant at) {
        disposition = verdict;
        dispositionReason = reason;
        disposedBy = by;
        disposedAt = at;
    }

    public String id() { return id; }
    public String applicationId() { return applicationId; }
    public Disposition disposition() { return disposition; }
    public String dispositionReason() { return dispositionReason; }
    public String disposedBy() { return disposedBy; }
    public Instant disposedAt() { return disposedAt; }
    public String screenedName() { return screenedName; }
    public PartyRole partyRole() { return partyRole; }
    public ListSource listSource() { return listSource; }
    public long entNum() { return entNum; }
    public String listedName() { return listedName; }
    public String matchedName() { return matchedName; }
    public boolean alternateName() { return alternateName; }
    public double score() { return score; }
    /** The score after the party's date of birth and nationality were compared (the name score on older matches). */
    public double finalScore() { return finalScore == null ? score : finalScore; }
    /** What raised or lowered the score, and why. */
    public java.util.List<IdentifierCheck.Adjustment> adjustments() { return IdentifierCheck.Adjustment.parse(adjustments); }
    /** Whether the identifiers took the hit below the threshold: kept as evidence, not alerted on. */
    public boolean discounted() { return discounted; }
    /** Why the names matched (null on matches screened before explanations were kept). */
    public Explanation explanation() { return Explanation.parse(explanation); }
    public String programs() { return programs; }
    public String listVersion() { return listVersion; }
    public Instant screenedAt() { return screenedAt; }
}
