package io.caravel.onboarding.web;

import io.caravel.onboarding.ApplicationData;
import io.caravel.onboarding.ApplicationStatus;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentKind;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.PartyRole;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.Messages;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.OperatingModel;
import io.caravel.seller.ProductCategory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.primefaces.model.file.UploadedFile;

/**
 * The seller's application in five steps (company, business, people, documents, review). Every
 * move saves the draft, and "next" first checks the required fields of the step, next to the
 * fields; the review step lists what is still missing with a way back to its step. While the
 * compliance team asks for information, the steps show the questions and the last one sends the
 * application back to review, with an optional answer. A decided application is shown read-only.
 */
@Named
@ViewScoped
public class ApplicationFormBean implements Serializable {

    public static final int STEPS = 5;

    /** Where a required field is: its step, the id of its input and its label in the page bundle. */
    record Field(int step, String input, String label) implements Serializable {
    }

    /** Something still missing, as the review step shows it: the field's label, why, and its step. */
    public record Missing(String label, String message, int step) implements Serializable {
    }

    /** The required fields of {@code OnboardingService}, by the name it reports them with. */
    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("legalName", new Field(1, "legalName", "application.legalName")),
            Map.entry("country", new Field(1, "country", "application.country")),
            Map.entry("registrationNumber", new Field(1, "registrationNumber", "application.registrationNumber")),
            Map.entry("taxId", new Field(1, "taxId", "application.taxId")),
            Map.entry("address", new Field(1, "address", "application.address")),
            Map.entry("contactEmail", new Field(1, "contactEmail", "application.contactEmail")),
            Map.entry("operatingModels", new Field(2, "models", "application.operatingModel")),
            Map.entry("mainCategory", new Field(2, "category", "application.mainCategory")),
            Map.entry("expectedYearlySalesEur", new Field(2, "sales", "application.sales")),
            Map.entry("expectedYearlyOrders", new Field(2, "orders", "application.orders")),
            Map.entry("bankAccount", new Field(2, "iban", "application.bankAccount")),
            Map.entry("parties", new Field(3, "people", "application.step3")));

    @Inject
    private OnboardingService onboarding;

    @Inject
    private Caller caller;

    private String id;
    private int step = 1;
    private ApplicationView application;
    private ApplicationData data;
    private List<OperatingModel> operatingModels = new ArrayList<>();
    private List<Missing> missing;
    private String answer;
    private DocumentKind documentKind = DocumentKind.BUSINESS_LICENCE;
    private transient UploadedFile file;

    /** Opens the application named in the URL, or the seller's latest one; another seller's is "not found". */
    public void load() {
        try {
            application = id == null || id.isBlank() ? latest() : onboarding.get(caller, id);
        } catch (CaravelException e) {
            if (e.type() != ProblemType.NOT_FOUND) {
                throw e;
            }
            application = null;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
        if (application != null) {
            id = application.id();
            data = fromView(application);
            application.operatingModels().forEach(m -> operatingModels.add(OperatingModel.valueOf(m)));
        }
        step = Math.max(1, Math.min(STEPS, step));
    }

    private ApplicationView latest() {
        List<ApplicationView> mine = onboarding.mine(caller);
        return mine.isEmpty() ? null : mine.get(0);
    }

    /** Whether the URL named an application the seller cannot see (or that does not exist). */
    public boolean isNotFound() {
        return application == null && id != null && !id.isBlank();
    }

    public boolean isEditable() {
        return application != null && application.status().editable();
    }

    /** Whether the compliance team asked for information: the steps then show the questions. */
    public boolean isInformationRequested() {
        return application != null && application.status() == ApplicationStatus.INFORMATION_REQUESTED;
    }

    /** Saves the draft and moves on once the step's required fields are filled in. */
    public void next() {
        if (save() && stepComplete()) {
            show(step + 1);
        }
    }

    /** Saves the draft and goes back a step. */
    public void back() {
        goTo(step - 1);
    }

    /** Saves the draft and shows a step (the review's "Go to step", the request for information's links). */
    public void goTo(int target) {
        if (save()) {
            show(target);
        }
    }

    private void show(int target) {
        step = Math.max(1, Math.min(STEPS, target));
        missing = null;
    }

    public void saveDraft() {
        if (save()) {
            FacesMessages.info("application.saved");
        }
    }

    /** Saves the form as a draft (it may be incomplete); every person needs a name. */
    private boolean save() {
        if (!everyoneNamed()) {
            return false;
        }
        data.setOperatingModels(operatingModels.isEmpty() ? null : EnumSet.copyOf(operatingModels));
        try {
            application = onboarding.update(caller, application.id(), application.version(), data);
            missing = null;
            return true;
        } catch (CaravelException e) {
            FacesMessages.error(e, "app:");
            return false;
        }
    }

    private boolean everyoneNamed() {
        boolean named = true;
        List<ApplicationData.Party> parties = parties();
        for (int row = 0; row < parties.size(); row++) {
            if (parties.get(row).getName() == null || parties.get(row).getName().isBlank()) {
                FacesMessages.field("app:people:" + row + ":name", "caravel.application.party.name");
                named = false;
            }
        }
        return named;
    }

    /** Marks the required fields of this step that are still empty, next to each. */
    private boolean stepComplete() {
        List<FieldError> here = onboarding.missing(caller, application.id()).stream()
                .filter(e -> field(e) != null && field(e).step() == step).toList();
        for (FieldError error : here) {
            FacesMessages.field("app:" + field(error).input(), error.messageKey(), error.arguments());
        }
        return here.isEmpty();
    }

    public void addPerson() {
        List<ApplicationData.Party> parties = new ArrayList<>(parties());
        parties.add(new ApplicationData.Party(PartyRole.DIRECTOR, null, null, null, null));
        data.setParties(parties);
    }

    public void removePerson(ApplicationData.Party party) {
        List<ApplicationData.Party> parties = new ArrayList<>(parties());
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

    /**
     * Saves and sends the application to review: a draft is submitted; an application with a request
     * for information goes back to review with the seller's answer (optional after a new document).
     * The seller then lands on the portal home with the new status.
     */
    public void submit() throws IOException {
        if (!save()) {
            return;
        }
        boolean answering = isInformationRequested();
        try {
            if (answering) {
                onboarding.answer(caller, application.id(), answer);
            } else {
                onboarding.submit(caller, application.id());
            }
        } catch (CaravelException e) {
            FacesMessages.error(e, "app:");
            missing = null;
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        FacesMessages.info(answering ? "seller.answer.sent" : "application.submitted");
        external.redirect(external.getRequestContextPath() + "/seller/index.xhtml");
    }

    /** What the application still lacks, in words, each with its step (shown at the review step). */
    public List<Missing> getMissing() {
        if (missing == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            var bundle = faces.getApplication().getResourceBundle(faces, "msg");
            missing = onboarding.missing(caller, application.id()).stream().map(e -> {
                Field field = field(e);
                String text = Messages.text(faces.getViewRoot().getLocale(), e.messageKey(), e.arguments());
                return field == null ? new Missing(null, text, STEPS)
                        : new Missing(bundle.getString(field.label()), text, field.step());
            }).toList();
        }
        return missing;
    }

    public List<DocumentView> getDocuments() {
        return application == null ? List.of() : onboarding.documents(caller, application.id());
    }

    private static Field field(FieldError error) {
        return FIELDS.get(error.field());
    }

    private List<ApplicationData.Party> parties() {
        return data.getParties() == null ? List.of() : data.getParties();
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
                .collect(Collectors.toCollection(TreeSet::new)));
        data.setExpectedYearlySalesEur(view.expectedYearlySalesEur());
        data.setExpectedYearlyOrders(view.expectedYearlyOrders());
        data.setParties(view.parties().stream().map(p -> new ApplicationData.Party(p.role(), p.name(), p.dateOfBirth(),
                p.nationality(), p.sharePercent())).collect(Collectors.toCollection(ArrayList::new)));
        return data;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public int getStep() { return step; }
    public void setStep(int step) { this.step = step; }
    public ApplicationView getApplication() { return application; }
    public ApplicationData getData() { return data; }
    public List<OperatingModel> getOperatingModels() { return operatingModels; }
    public void setOperatingModels(List<OperatingModel> operatingModels) { this.operatingModels = operatingModels; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public DocumentKind getDocumentKind() { return documentKind; }
    public void setDocumentKind(DocumentKind documentKind) { this.documentKind = documentKind; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
    public OperatingModel[] getAllOperatingModels() { return OperatingModel.values(); }
    public ProductCategory[] getCategories() { return ProductCategory.values(); }
    public PartyRole[] getPartyRoles() { return new PartyRole[] {PartyRole.DIRECTOR, PartyRole.BENEFICIAL_OWNER}; }
    public DocumentKind[] getDocumentKinds() { return DocumentKind.values(); }
}
