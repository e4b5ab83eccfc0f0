package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.client.ApiClient;
import io.caravel.client.ApiException;
import io.caravel.client.api.CatalogApi;
import io.caravel.client.api.ListingsApi;
import io.caravel.client.api.OnboardingApi;
import io.caravel.client.model.ApplicationData;
import io.caravel.client.model.ApplicationParty;
import io.caravel.client.model.ApplicationStatus;
import io.caravel.client.model.ApplicationView;
import io.caravel.client.model.DocumentView;
import io.caravel.client.model.FileView;
import io.caravel.client.model.ListingStatus;
import io.caravel.client.model.ListingView;
import io.caravel.client.model.OperatingModel;
import io.caravel.client.model.PartyRole;
import io.caravel.client.model.ProductCategory;
import io.caravel.client.model.ProductDetails;
import io.caravel.client.model.ProductView;
import io.caravel.client.model.Registration;
import io.caravel.client.model.SearchPage;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An integrator's first day, with nothing but the Java client generated from docs/openapi.json
 * (openapi-generator, library native): search the catalog, register as a seller, apply and be
 * approved, then create, illustrate and submit a listing and find it published in the catalog. What
 * the client makes awkward here is a flaw of the document.
 */
@SharedServer.Use
class GeneratedClientIT {

    private static final String PASSWORD = "a long seller password";
    private static final byte[] PDF = "%PDF-1.4\n% generated client document\n".getBytes(StandardCharsets.US_ASCII);

    @SharedServer.Base
    private URL base;

    @Test
    void aNewSellerListsAProductWithTheGeneratedClientAlone() throws Exception {
        CatalogApi catalog = new CatalogApi(client(null));
        SearchPage cotton = catalog.searchProducts("cotton", null, null, null, null, null, "USD", null, null, true, 5,
                null, null);
        assertThat(cotton.getItems()).isNotEmpty();
        assertThat(cotton.getItems().get(0).getBuyerPrice().getCurrency()).isEqualTo("USD");
        assertThat(cotton.getTotal()).isPositive();

        String user = "client-" + UUID.randomUUID().toString().substring(0, 8);
        ApplicationView draft = new OnboardingApi(client(null)).registerSeller(new Registration()
                .companyName("Client Trading " + user).country("DE").operatingModel(OperatingModel.MARKETPLACE)
                .username(user).password(PASSWORD).displayName("Owner " + user).email(user + "@example.com"));
        assertThat(draft.getStatus()).isEqualTo(ApplicationStatus.DRAFT);

        OnboardingApi onboarding = new OnboardingApi(client(user));
        ApplicationParty director = new ApplicationParty().role(PartyRole.DIRECTOR).name("Erika Mustermann")
                .dateOfBirth(LocalDate.of(1970, 1, 1)).nationality("DE");
        ApplicationParty owner = new ApplicationParty().role(PartyRole.BENEFICIAL_OWNER).name("Erika Mustermann")
                .dateOfBirth(LocalDate.of(1970, 1, 1)).nationality("DE").sharePercent(new BigDecimal("100"));
        onboarding.updateApplication(draft.getId(), null, new ApplicationData().legalName("Client Trading " + user)
                .country("DE").registrationNumber("HRB 12345").taxId("DE123456789").address("Hauptstr. 1, Berlin")
                .contactEmail("ops@example.com").contactPhone("+49 30 1234567")
                .operatingModels(List.of(OperatingModel.MARKETPLACE)).mainCategory(ProductCategory.HOME)
                .otherCategories(List.of(ProductCategory.TOYS)).expectedYearlySalesEur(new BigDecimal("250000"))
                .expectedYearlyOrders(new BigDecimal("4000")).bankAccount("DE89 3704 0044 0532 0130 00")
                .tradingName("Client Trading " + user).parties(List.of(director, owner)));
        // uploads go as multipart/form-data forms, the way the document lists first
        File pdf = file("document", ".pdf", PDF);
        DocumentView licence = onboarding.uploadApplicationDocument(draft.getId(), pdf, "BUSINESS_LICENCE", "licence.pdf");
        assertThat(licence.getFileName()).isEqualTo("licence.pdf");
        assertThat(licence.getContentType()).isEqualTo("application/pdf");
        assertThat(licence.getSizeBytes()).isEqualByComparingTo(BigDecimal.valueOf(PDF.length));
        DocumentView passport = onboarding.uploadApplicationDocument(draft.getId(), pdf, "REPRESENTATIVE_ID", null);
        assertThat(passport.getFileName()).as("the form part's file name").isEqualTo(pdf.getName());
        assertThat(onboarding.submitApplication(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        await(status(() -> onboarding.getApplication(draft.getId()).getStatus()), ApplicationStatus.APPROVED);

        ListingsApi listings = new ListingsApi(client(user));
        String title = "Generated client bamboo tray " + user;
        ListingView listing = listings.createListing(new ProductDetails().titleEn(title)
                .descriptionEn(title + ", well made.").category(ProductCategory.HOME).hsCode("442191")
                .originCountry("CN").price(new BigDecimal("20.00")).currency("EUR").stockOwn(10)
                .lithiumBattery(false).wholesale(false).weightGrams(300));
        assertThat(listing.getStatus()).isEqualTo(ListingStatus.DRAFT);
        FileView image = listings.uploadListingImage(listing.getId(), file("front", ".png", ListingFixtures.PNG), "front.png");
        assertThat(image.getContentType()).isEqualTo("image/png");
        listings.submitListing(listing.getId());
        await(status(() -> listings.getListing(listing.getId()).getStatus()), ListingStatus.PUBLISHED);

        ProductView product = catalog.getProduct(listing.getId(), "USD", null);
        assertThat(product.getTitle().getEn()).isEqualTo(title);
        assertThat(product.getBuyerPrice().getCurrency()).isEqualTo("USD");
    }

    /** A client of the server under test, signed in as {@code user} (HTTP Basic), or anonymous. */
    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        }
        return client;
    }

    private static File file(String prefix, String suffix, byte[] content) throws Exception {
        File file = File.createTempFile(prefix, suffix);
        file.deleteOnExit();
        Files.write(file.toPath(), content);
        return file;
    }

    /** A read that may fail, as the generated client's calls do. */
    private interface Read<T> {
        T get() throws ApiException;
    }

    private static <T> Supplier<T> status(Read<T> read) {
        return () -> {
            try {
                return read.get();
            } catch (ApiException e) {
                throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
            }
        };
    }

    private static <T> void await(Supplier<T> current, T expected) throws InterruptedException {
        T seen = null;
        for (int i = 0; i < 240; i++) {
            seen = current.get();
            if (expected.equals(seen)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("still " + seen + ", never " + expected);
    }
}
