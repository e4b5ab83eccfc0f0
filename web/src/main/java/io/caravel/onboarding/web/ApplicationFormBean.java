package io.caravel.onboarding.web;

import io.caravel.onboarding.ApplicationData;
import io.caravel.onboarding.ApplicationStatus;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentKind;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.seller.OperatingModel;
import io.caravel.onboarding.PartyRole;
import io.caravel.seller.ProductCategory;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.model.file.UploadedFile;

/**
 * The seller's application form in five steps (company, business, people, documents, review).
 * Each step is checked as the seller goes; a draft is saved on every step, so nothing is lost.
 */
@Named
@ViewScoped
public class ApplicationFormBean implements Serializable {

    public static final int STEPS = 5;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private Caller caller;

    private ApplicationView application;
    private ApplicationData data;
    private List<OperatingModel> operatingModels = new ArrayList<>();
    private int step = 1;
    private DocumentKind documentKind = DocumentKind.BUSINESS_LICENCE;
    private transient UploadedFile file;

    @PostConstruct
    void load() {
        List<ApplicationView> mine = onboarding.mine(caller);
        if (!mine.isEmpty()) {
            application = mine.get(0);
            data = fromView(application);
            application.operatingModels().forEach(m -> operatingModels.add(OperatingModel.valueOf(m)));
        }
    }

    public boolean isEditable() {
        return application != null && (application.status() == ApplicationStatus.DRAFT
                || application.status() == ApplicationStatus.INFORMATION_REQUESTED);
    }

    /** Saves the draft and moves to the next step. */
    public void next() {
        if (save()) {
            step = Math.min(STEPS, step + 1);
        }
    }

    public void back() {
        step = Math.max(1, step - 1);
    }

    public void goTo(int target) {
        step = Math.max(1, Math.min(STEPS, target));
    }

    public boolean save() {
        data.setOperatingModels(operatingModels.isEmpty() ? null : EnumSet.copyOf(operatingModels));
        try {
            application = onboarding.update(caller, application.id(), application.version(), data);
            return true;
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
            return false;
        }
    }

    public void addPerson() {
        List<ApplicationData.Party> parties = data.getParties() == null ? new ArrayList<>() : new ArrayList<>(data.getParties());
        parties.add(new ApplicationData.Party(PartyRole.DIRECTOR, null, null, null, null));
        data.setParties(parties);
    }

    public void removePerson(ApplicationData.Party party) {
        List<ApplicationData.Party> parties = new ArrayList<>(data.getParties());
        parties.remove(party);
        data.setParties(parties);
    }

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            FacesMessages.info("application.documents.choose");
            return;
        }
        try {
            onboarding.upload(caller, application.id(), documentKind, file.getFileName(), file.getContent());
            application = onboarding.get(caller, application.id());
            FacesMessages.info("application.documents.uploaded");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    /** Saves and submits; the seller lands on the portal home with the new status. */
    public void submit() throws IOException {
        if (!save()) {
            return;
        }
        try {
            onboarding.submit(caller, application.id());
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/seller/index.xhtml");
    }

    public List<DocumentView> getDocuments() {
        return application == null ? List.of() : onboarding.documents(caller, application.id());
    }

    private static ApplicationData fromView(ApplicationView view) {
        ApplicationData data = new ApplicationData();
        data.setLegalName(view.legalName());
        data.setTradingName(view.tradingName());
        data.setCountry(view.country());
        data.setRegistrationNumber(view.registrationNumber());
        data.setTaxId(view.taxId());
        data.setAddress(view.address());
        data.setContactEmail(view.contactEmail());
        data.setContactPhone(view.contactPhone());
        data.setMainCategory(view.mainCategory() == null ? null : ProductCategory.valueOf(view.mainCategory()));
        data.setOtherCategories(view.otherCategories().stream().map(ProductCategory::valueOf)
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
        data.setExpectedYearlySalesEur(view.expectedYearlySalesEur());
        data.setExpectedYearlyOrders(view.expectedYearlyOrders());
        data.setParties(view.parties().stream().map(p -> new ApplicationData.Party(p.role(), p.name(), p.dateOfBirth(),
                p.nationality(), p.sharePercent())).collect(Collectors.toCollection(ArrayList::new)));
        return data;
    }

    public ApplicationView getApplication() { return application; }
    public ApplicationData getData() { return data; }
    public List<OperatingModel> getOperatingModels() { return operatingModels; }
    public void setOperatingModels(List<OperatingModel> operatingModels) { this.operatingModels = operatingModels; }
    public int getStep() { return step; }
    public DocumentKind getDocumentKind() { return documentKind; }
    public void setDocumentKind(DocumentKind documentKind) { this.documentKind = documentKind; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
    public OperatingModel[] getAllOperatingModels() { return OperatingModel.values(); }
    public ProductCategory[] getCategories() { return ProductCategory.values(); }
    public PartyRole[] getPartyRoles() { return new PartyRole[] {PartyRole.DIRECTOR, PartyRole.BENEFICIAL_OWNER}; }
    public DocumentKind[] getDocumentKinds() { return DocumentKind.values(); }
}
