package io.caravel.screening.web;

import io.caravel.monitoring.Rescreening;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.screening.ChangeKind;
import io.caravel.screening.ListSource;
import io.caravel.screening.ReleaseFiles;
import io.caravel.screening.SanctionsLists;
import io.caravel.screening.ScreeningService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * Administration → Sanctions lists: the active release of each list, its history with the delta of each
 * release (entries added, removed, changed), and loading a new release from the files as published.
 */
@Named
@ViewScoped
public class SanctionsListsBean implements Serializable {

    /** How many changed entries the page shows at once; the API pages through all. */
    static final int CHANGES_SHOWN = 100;

    @Inject
    private transient ScreeningService screening;

    @Inject
    private transient SanctionsLists lists;

    @Inject
    private transient Rescreening rescreening;

    @Inject
    private Caller caller;

    private ListSource list = ListSource.OFAC_SDN;
    private transient UploadedFiles files;
    private String shownVersionId;
    private ChangeKind shownKind;
    private transient Map<ListSource, SanctionsLists.VersionView> active;
    private transient List<SanctionsLists.VersionView> versions;
    private transient Page<SanctionsLists.ChangeView> changes;

    /** The latest re-screens of active sellers, with their progress. */
    public List<Rescreening.RunView> getRuns() {
        return rescreening.latest(5);
    }

    public ListSource[] getSources() {
        return ListSource.values();
    }

    /** The active release of a list, null when none was loaded. */
    public SanctionsLists.VersionView active(ListSource source) {
        if (active == null) {
            active = new LinkedHashMap<>();
            lists.activeVersionIds().forEach((s, id) -> active.put(s, lists.version(s, id)));
        }
        return active.get(source);
    }

    public List<SanctionsLists.VersionView> getVersions() {
        if (versions == null) {
            versions = lists.versions(list, PageRequest.of(20, null)).items();
        }
        return versions;
    }

    public void load() {
        Map<String, byte[]> uploaded = new LinkedHashMap<>();
        if (files != null) {
            for (UploadedFile file : files.getFiles()) {
                uploaded.put(file.getFileName(), file.getContent());
            }
        }
        if (uploaded.isEmpty()) {
            FacesMessages.field("load-form:files", "error.sanctions.files-required");
            return;
        }
        Map<String, byte[]> files;
        try {
            files = ReleaseFiles.of(list, uploaded);
        } catch (IllegalArgumentException e) { // an archive that cannot be read or unpacks to too much
            FacesMessages.error(CaravelException.invalid("files", "error.sanctions.file", e.getMessage()), "load-form:");
            return;
        }
        try {
            SanctionsLists.Recorded recorded = screening.load(list, files, caller);
            active = null;
            versions = null;
            if (recorded.created()) {
                FacesMessages.info("sanctionsAdmin.loaded", recorded.version().version());
                show(recorded.version().id());
            } else {
                FacesMessages.info("sanctionsAdmin.same", recorded.version().version());
            }
        } catch (CaravelException e) {
            FacesMessages.error(e, "load-form:");
        }
    }

    /** Shows what a release changed. */
    public void show(String versionId) {
        shownVersionId = versionId;
        changes = null;
    }

    public void listChanged() {
        versions = null;
        shownVersionId = null;
        changes = null;
    }

    public Page<SanctionsLists.ChangeView> getChanges() {
        if (changes == null && shownVersionId != null) {
            changes = lists.changes(list, shownVersionId, shownKind, PageRequest.of(CHANGES_SHOWN, null));
        }
        return changes;
    }

    public SanctionsLists.VersionView getShown() {
        return shownVersionId == null ? null : lists.version(list, shownVersionId);
    }

    public int getChangesShown() {
        return CHANGES_SHOWN;
    }

    public ChangeKind[] getKinds() {
        return ChangeKind.values();
    }

    public ListSource getList() { return list; }
    public void setList(ListSource list) { this.list = list; }
    public UploadedFiles getFiles() { return files; }
    public void setFiles(UploadedFiles files) { this.files = files; }
    public ChangeKind getShownKind() { return shownKind; }
    public void setShownKind(ChangeKind shownKind) { this.shownKind = shownKind; changes = null; }
}
