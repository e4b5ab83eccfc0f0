package io.caravel.demo;

import io.caravel.catalog.ProductDetails;
import io.caravel.dispute.DisputeReason;
import io.caravel.dispute.DisputeRequest;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.SellerResponse;
import io.caravel.identity.IdentityService;
import io.caravel.inbox.Decision;
import io.caravel.inbox.InboxService;
import io.caravel.order.CheckoutService;
import io.caravel.order.OrderRequest;
import io.caravel.order.OrderService;
import io.caravel.order.QuoteRequest;
import io.caravel.order.QuoteView;
import io.caravel.payment.PaymentService;
import io.caravel.payment.SimulatedPaymentProvider;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingView;
import io.caravel.onboarding.ApplicationData;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentKind;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.PartyRole;
import io.caravel.onboarding.Registration;
import io.caravel.payout.PayoutService;
import io.caravel.creator.Creators;
import io.caravel.channel.ChannelRequest;
import io.caravel.channel.Channels;
import io.caravel.creator.LinkRequest;
import io.caravel.privacy.DataRequestKind;
import io.caravel.privacy.DataRequests;
import io.caravel.platform.Caller;
import io.caravel.platform.Roles;
import io.caravel.seller.OperatingModel;
import io.caravel.seller.ProductCategory;
import io.caravel.warehouse.InboundShipments;
import io.caravel.warehouse.Warehouses;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Demo cases (demo mode only), so the inbox has work of every kind and each workflow's diagram shows
 * a case at each kind of step: seller applications in review (a sanctions hit, a regulated category),
 * one waiting for a lead's second approval, one waiting for the seller's answer; a listing flagged by
 * a keyword and one rejected as arms and then resubmitted with only its HS code changed; a customs declaration
 * held because the waybill names another consignee than the order; an order held because its consignee
 * resembles a listed party. Every case
 * goes through the real services and workflows; the officers' decisions are made through the inbox.
 * Each step commits on its own and the job executor runs the workflows' asynchronous checks between them.
 */
@Stateless
public class DemoCases {

    private static final Logger LOG = Logger.getLogger(DemoCases.class.getName());
    static final String APPLICANT_PASSWORD = "demo applicant";
    /** The demo storefront channel's token (demo mode only): {@code X-Channel-Token: direct-eu.demo-channel-secret}. */
    static final String DEMO_CHANNEL_TOKEN = "direct-eu.demo-channel-secret";
    private static final String OFFICER = "officer";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private IdentityService identity;

    @Inject
    private ListingService listings;

    @Inject
    private InboxService inbox;

    @Inject
    private CheckoutService checkout;

    @Inject
    private OrderService orders;

    @Inject
    private PaymentService payments;

    @Inject
    private DisputeService disputes;

    @Inject
    private ManagementService management;

    @Inject
    private TaskService tasks;

    @Inject
    private RuntimeService runtime;

    @Inject
    private PayoutService payouts;

    @Inject
    private Creators creators;

    @Inject
    private Channels channels;

    @Inject
    private DataRequests privacy;

    @Inject
    private Warehouses warehouses;

    @Inject
    private InboundShipments inbound;

    @Resource
    private SessionContext context;

    /** Loads the demo cases once: not when the first demo applicant exists already. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void load(String sellerA) {
        if (!em.createQuery("select u.username from UserAccount u where u.username = 'demo-harbour'", String.class)
                .getResultList().isEmpty()) {
            return;
        }
        DemoCases self = context.getBusinessObject(DemoCases.class);
        // a director on the sanctions list under a spelling variant: high risk, in review
        settle(self.apply("demo-harbour", "Harbour Logistics GmbH", ProductCategory.HOME, "Manuel Antonio Norriega", true));
        // a regulated category: medium risk, in review
        settle(self.apply("demo-pharma", "Pharma Direct GmbH", ProductCategory.HEALTH, "Erika Mustermann", true));
        // reviewed and approved by an officer: waits for a lead's second approval (four-eyes)
        String freight = self.apply("demo-freight", "Sunrise Freight GmbH", ProductCategory.HOME, "Manuel Antonio Norriega", true);
        settle(freight);
        self.decide(freight, "APPROVE", "The listed entry gives no date of birth; our director is a German national born 1970: a different person.", null);
        // the officer asked the seller for a licence: waits for the seller
        String food = self.apply("demo-food", "Fresh Food Export GmbH", ProductCategory.FOOD, "Erika Mustermann", true);
        settle(food);
        self.decide(food, "REQUEST_INFO", null, "MORE_DOCUMENTS");
        // a missing document: the workflow itself asked the seller
        settle(self.apply("demo-paper", "Missing Paper Trading GmbH", ProductCategory.TOYS, "Jo Paper", false));

        Caller seller = new Caller("seller-a", Set.of(Roles.SELLER), sellerA);
        // "ivory" in the description: a keyword sends it to review
        settle(self.listing(seller, null, product("Ivory silk scarf", "象牙色真丝围巾", "A scarf in ivory colour.",
                "621410", ProductCategory.APPAREL, "45.00")));
        // rejected automatically as arms, then resubmitted with only its HS code changed: back to a person
        ProductDetails target = product("Precision target model", null, "Steel target model for collectors.",
                "930320", ProductCategory.SPORTS, "189.00");
        String listing = self.listing(seller, null, target);
        settle(listing);
        target.setHsCode("950300");
        settle(self.listing(seller, listing, target));
        // a China order shipped with another consignee on the waybill: held for the customs agent
        String declaration = self.heldDeclaration(seller);
        // disputes about earbuds sent to Germany: one waits for seller-a's answer, one contested waits for the dispute agent
        self.disputes(seller);
        // an order to a consignee who resembles a listed party: held, a screening-alert case waits for the officer
        self.heldConsignee();
        if (declaration != null) {
            settle(declaration);
        }
        // the demo buyer asked for a copy of their personal data: a data request in the officer's inbox
        privacy.request(new Caller("buyer", Set.of(Roles.BUYER), null), DataRequestKind.EXPORT,
                "Please send me a copy of everything you hold about me.");
        // the demo creator's links (one sponsored post without its disclosure) and an order placed through one;
        // a second creator whose legal name is on the sanctions list waits for the officer
        self.creators(seller);
        // the platform's own store sells on its own storefront channel (EUR/GBP to DE, FR, GB): an order through it
        self.directStore();
        // overseas warehouses in Frankfurt, Los Angeles and the Ningbo bonded zone: seller-a's goods counted in at
        // Frankfurt three T-shirt cartons short (a logistics risk event), more on their way to Los Angeles
        self.warehouses(seller);
        // the month's payout run so far: seller-a's statements in CNY and EUR, a reserve held for the open disputes,
        // the creator's commission on the referred order (charged to seller-a)
        payouts.runAt(java.time.Instant.now(), "demo");
        LOG.info("Demo mode: demo cases are in the inbox (applicant users' password '" + APPLICANT_PASSWORD + "')");
    }

    /**
     * The demo buyer orders seller-a's T-shirt to China and pays (the payment simulator's signed event,
     * in-process); seller-a ships it with another consignee on the waybill, so the declaration's
     * three-document match fails and a customs agent gets a correction task. Returns the declaration id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String heldDeclaration(Caller seller) {
        String product = em.createQuery("select p.id from CatalogProduct p where p.product.titleEn = :t", String.class)
                .setParameter("t", DemoCatalog.T_SHIRT).getResultStream().findFirst().orElse(null);
        if (product == null) {
            LOG.warning("Demo mode: the demo T-shirt is not published; no demo customs case");
            return null;
        }
        Caller buyer = new Caller("buyer", Set.of(Roles.BUYER), null);
        String orderId = paidOrder(buyer, product, 2, "CN", "CNY", consignee("张三", "+86 21 5555 0100", "人民路 100 号", "上海",
                "200001", "110101199003070000"), "demo-customs-case");
        orders.ship(seller, orderId, new OrderService.ShipRequest("李四", null, 450));
        return em.createQuery("select d.id from CustomsDeclaration d where d.orderId = :o", String.class)
                .setParameter("o", orderId).getSingleResult();
    }

    /** A paid order of the demo buyer whose consignee resembles a listed party: held for a compliance officer. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void heldConsignee() {
        String product = em.createQuery("select p.id from CatalogProduct p where p.product.titleEn = :t", String.class)
                .setParameter("t", DemoCatalog.EARBUDS).getResultStream().findFirst().orElse(null);
        if (product != null) {
            paidOrder(new Caller("buyer", Set.of(Roles.BUYER), null), product, 1, "DE", "EUR",
                    consignee("Viktor Bout", "+49 40 5555 0100", "Große Elbstraße 7", "Hamburg", "22767", null), "demo-consignee-1");
        }
    }

    /**
     * The demo buyer orders seller-a's earbuds to Germany twice and pays; one parcel is shipped. The buyer
     * disputes both: "arrived damaged" waits for seller-a's answer; "not as described" seller-a contests,
     * so a dispute agent has a review task.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void disputes(Caller seller) {
        String product = em.createQuery("select p.id from CatalogProduct p where p.product.titleEn = :t", String.class)
                .setParameter("t", DemoCatalog.EARBUDS).getResultStream().findFirst().orElse(null);
        if (product == null) {
            LOG.warning("Demo mode: the demo earbuds are not published; no demo disputes");
            return;
        }
        Caller buyer = new Caller("buyer", Set.of(Roles.BUYER), null);
        OrderRequest.Consignee consignee = consignee("Bo Buyer", "+49 30 5555 0100", "Hafenstraße 1", "Berlin", "10115", null);
        String damaged = paidOrder(buyer, product, 1, "DE", "EUR", consignee, "demo-dispute-1");
        String contested = paidOrder(buyer, product, 1, "DE", "EUR", consignee, "demo-dispute-2");
        orders.ship(seller, contested, null);
        disputes.open(buyer, "demo-dispute-1", dispute(damaged, DisputeReason.DAMAGED,
                "The charging case arrived cracked and does not close. / 充电盒到货时已破裂，无法合上。"));
        String id = disputes.open(buyer, "demo-dispute-2", dispute(contested, DisputeReason.NOT_AS_DESCRIBED,
                "The listing says 30 hours of battery; mine last 6. / 商品描述续航 30 小时，实际只有 6 小时。")).dispute().id();
        SellerResponse contest = new SellerResponse();
        contest.setAnswer(io.caravel.dispute.Dispute.Answer.CONTEST);
        contest.setMessage("30 hours include the charging case, as the listing says; the earbuds alone last 6 to 7 hours."
                + " / 30 小时包含充电盒，商品描述已注明；耳机单次续航 6 至 7 小时。");
        disputes.respond(seller, id, null, contest);
    }

    /**
     * The demo creator (Chloe) shares seller-a's earbuds in a disclosed sponsored video and the T-shirt in a
     * sponsored post without the disclosure (a platform-rules risk event); the demo buyer orders the earbuds
     * through her link and confirms their receipt. "Gulf Trends" registers with a legal name on the sanctions list: a screening case.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void creators(Caller seller) {
        String earbuds = publishedId(DemoCatalog.EARBUDS);
        String shirt = publishedId(DemoCatalog.T_SHIRT);
        if (earbuds == null || shirt == null) {
            LOG.warning("Demo mode: the demo products are not published; no demo creator");
            return;
        }
        creators.enrol("creator", "Chloe Creator", "Chloe Martin", "FR", "https://video.example/@chloe");
        Caller chloe = new Caller("creator", Set.of(Roles.CREATOR), null);
        String code = creators.link(chloe, link(earbuds, true, true, "https://video.example/@chloe/earbuds-review")).code();
        creators.link(chloe, link(shirt, true, false, "https://video.example/@chloe/summer-outfits"));
        Caller buyer = new Caller("buyer", Set.of(Roles.BUYER), null);
        String referred = paidOrder(buyer, earbuds, 1, "DE", "EUR",
                consignee("Bo Buyer", "+49 30 5555 0100", "Hafenstraße 1", "Berlin", "10115", null), "demo-referral-1", code, null);
        // delivered (the buyer confirmed receipt): the commission is payable with the next run
        orders.ship(seller, referred, new OrderService.ShipRequest(null, null, 120));
        orders.confirmReceipt(buyer, referred);
        identity.createDemoUser("demo-creator-hit", APPLICANT_PASSWORD, "Gulf Trends", null, Set.of(Roles.CREATOR));
        creators.enrol("demo-creator-hit", "Gulf Trends", "Manuel Antonio Norriega", "PA", "https://video.example/@gulftrends");
    }

    /**
     * The platform's own store's storefront channel, with the demo token {@value #DEMO_CHANNEL_TOKEN}; the demo
     * buyer orders its cutting board through the channel and pays.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void directStore() {
        String board = publishedId(DemoCatalog.CUTTING_BOARD);
        String direct = em.createQuery("select s.id from Seller s where s.legalName = :n", String.class)
                .setParameter("n", DemoData.DIRECT).getResultStream().findFirst().orElse(null);
        if (board == null || direct == null) {
            LOG.warning("Demo mode: the platform's own store has no published product; no demo channel");
            return;
        }
        ChannelRequest request = new ChannelRequest();
        request.setName("Caravel Direct EU");
        request.setSellerId(direct);
        request.setCurrencies(List.of("EUR", "GBP"));
        request.setDestinations(List.of("DE", "FR", "GB"));
        request.setLanguages(List.of("en", "zh"));
        String token = channels.createDemo(request, DEMO_CHANNEL_TOKEN.substring(0, DEMO_CHANNEL_TOKEN.indexOf('.')),
                DEMO_CHANNEL_TOKEN.substring(DEMO_CHANNEL_TOKEN.indexOf('.') + 1)).token();
        paidOrder(new Caller("buyer", Set.of(Roles.BUYER), null), board, 1, "FR", "EUR",
                consignee("Bo Buyer", "+33 1 5555 0100", "12 rue de la Paix", "Paris", "75002", null), "demo-channel-1", null,
                channels.resolve(token));
    }

    /**
     * Three warehouses staffed by the demo warehouse user (Wendy); seller-a's first-leg shipments: earbuds and
     * T-shirts counted in at Frankfurt with 8 of 60 T-shirts missing, T-shirts counted in at the Ningbo bonded
     * warehouse as declared (orders to China from there are bonded imports), earbuds on their way to Los Angeles; a paid
     * order of earbuds to Germany served from Frankfurt waits for Wendy to ship it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void warehouses(Caller seller) {
        String earbuds = publishedId(DemoCatalog.EARBUDS);
        String shirt = publishedId(DemoCatalog.T_SHIRT);
        if (earbuds == null || shirt == null) {
            LOG.warning("Demo mode: the demo products are not published; no demo warehouse stock");
            return;
        }
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null);
        Caller wendy = new Caller("warehouse", Set.of(Roles.WAREHOUSE), null);
        List<String> staff = List.of("warehouse");
        String frankfurt = warehouses.create(admin, new Warehouses.Request("DE-FRA-1", "Frankfurt fulfilment centre", "DE",
                "Cargo City Süd 12, 60549 Frankfurt am Main", true, staff)).id();
        String losAngeles = warehouses.create(admin, new Warehouses.Request("US-LAX-1", "Los Angeles fulfilment centre", "US",
                "1200 E Dominguez St, Carson, CA 90746", true, staff)).id();
        String ningbo = warehouses.create(admin, new Warehouses.Request("CN-NGB-1", "宁波保税区仓 Ningbo bonded warehouse", "CN",
                "浙江省宁波市北仑区保税区", true, staff)).id();
        String toFrankfurt = inbound.create(seller, new InboundShipments.Request(frankfurt, "DHL Global Forwarding", "DGF6634501",
                List.of(new InboundShipments.Request.Line(earbuds, 40), new InboundShipments.Request.Line(shirt, 60)))).id();
        inbound.receive(wendy, toFrankfurt, new InboundShipments.Receipt(List.of(new InboundShipments.Receipt.Count(1, 40),
                new InboundShipments.Receipt.Count(2, 52)), "One carton of T-shirts (8) missing from the pallet. / 托盘上少了一箱 T 恤（8 件）。"));
        String toNingbo = inbound.create(seller, new InboundShipments.Request(ningbo, "顺丰 SF Express", "SF1402277781",
                List.of(new InboundShipments.Request.Line(shirt, 100)))).id();
        inbound.receive(wendy, toNingbo, new InboundShipments.Receipt(List.of(new InboundShipments.Receipt.Count(1, 100)), null));
        inbound.create(seller, new InboundShipments.Request(losAngeles, "COSCO Shipping", "COSU6281190410",
                List.of(new InboundShipments.Request.Line(earbuds, 30))));
        // the demo buyer orders earbuds to Munich: they ship from Frankfurt, Wendy hands them to the carrier
        paidOrder(new Caller("buyer", Set.of(Roles.BUYER), null), earbuds, 2, "DE", "EUR",
                consignee("Bo Buyer", "+49 89 5555 0100", "Leopoldstraße 10", "München", "80802", null), "demo-warehouse-1");
    }

    private String publishedId(String title) {
        return em.createQuery("select p.id from CatalogProduct p where p.product.titleEn = :t", String.class)
                .setParameter("t", title).getResultStream().findFirst().orElse(null);
    }

    private static LinkRequest link(String productId, boolean sponsored, boolean disclosed, String contentUrl) {
        LinkRequest link = new LinkRequest();
        link.setProductId(productId);
        link.setSponsored(sponsored);
        link.setDisclosed(disclosed);
        link.setContentUrl(contentUrl);
        return link;
    }

    /** The buyer orders and pays (the simulator's signed event, in-process); answers the order id. */
    private String paidOrder(Caller buyer, String product, int quantity, String country, String currency,
                             OrderRequest.Consignee consignee, String key) {
        return paidOrder(buyer, product, quantity, country, currency, consignee, key, null, null);
    }

    private String paidOrder(Caller buyer, String product, int quantity, String country, String currency,
                             OrderRequest.Consignee consignee, String key, String referralCode, Channels.Scope channel) {
        QuoteRequest.Line line = new QuoteRequest.Line();
        line.setProductId(product);
        line.setQuantity(quantity);
        QuoteRequest request = new QuoteRequest();
        request.setLines(List.of(line));
        request.setDestinationCountry(country);
        request.setCurrency(currency);
        request.setReferralCode(referralCode);
        QuoteView quote = checkout.quote(buyer, request, channel);
        OrderRequest order = new OrderRequest();
        order.setQuoteId(quote.id());
        order.setConsignee(consignee);
        String orderId = orders.place(buyer, key, order).order().id();
        payments.simulateInProcess(orderId, new SimulatedPaymentProvider.Simulation(true, consignee.getName(),
                consignee.getIdNumber(), 0, 1));
        return orderId;
    }

    private static OrderRequest.Consignee consignee(String name, String phone, String address, String city, String postcode,
                                                    String idNumber) {
        OrderRequest.Consignee consignee = new OrderRequest.Consignee();
        consignee.setName(name);
        consignee.setPhone(phone);
        consignee.setAddress(address);
        consignee.setCity(city);
        consignee.setPostcode(postcode);
        consignee.setIdNumber(idNumber);
        return consignee;
    }

    private static DisputeRequest dispute(String orderId, DisputeReason reason, String description) {
        DisputeRequest request = new DisputeRequest();
        request.setOrderId(orderId);
        request.setLineNo(1);
        request.setReason(reason);
        request.setDescription(description);
        return request;
    }

    /** Registers a seller, fills its application and submits it; returns the application id. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String apply(String user, String company, ProductCategory category, String director, boolean allDocuments) {
        Registration registration = new Registration();
        registration.setCompanyName(company);
        registration.setCountry("DE");
        registration.setOperatingModel(OperatingModel.MARKETPLACE);
        registration.setUsername(user);
        registration.setPassword(APPLICANT_PASSWORD);
        registration.setDisplayName(company);
        registration.setEmail(user + "@example.com");
        ApplicationView application = onboarding.register(registration);
        identity.markAsDemo(user);
        Caller applicant = new Caller(user, Set.of(Roles.SELLER), application.sellerId());
        ApplicationData data = new ApplicationData();
        data.setLegalName(company);
        data.setTradingName(company);
        data.setCountry("DE");
        data.setRegistrationNumber("HRB " + Math.abs(company.hashCode() % 100_000));
        data.setTaxId("DE" + Math.abs(company.hashCode() % 1_000_000_000L));
        data.setAddress("Hafenstraße 1, 20457 Hamburg");
        data.setContactEmail(user + "@example.com");
        data.setContactPhone("+49 40 1234567");
        data.setOperatingModels(EnumSet.of(OperatingModel.MARKETPLACE));
        data.setMainCategory(category);
        data.setExpectedYearlySalesEur(250_000L);
        data.setExpectedYearlyOrders(4_000L);
        data.setBankAccount("DE89370400440532013000");
        data.setParties(List.of(
                new ApplicationData.Party(PartyRole.DIRECTOR, director, LocalDate.of(1970, 1, 1), "DE", null),
                new ApplicationData.Party(PartyRole.BENEFICIAL_OWNER, director, LocalDate.of(1970, 1, 1), "DE",
                        new BigDecimal("100"))));
        onboarding.update(applicant, application.id(), null, data);
        onboarding.upload(applicant, application.id(), DocumentKind.BUSINESS_LICENCE, "licence.png", DemoCatalog.PIXEL);
        if (allDocuments) {
            onboarding.upload(applicant, application.id(), DocumentKind.REPRESENTATIVE_ID, "id.png", DemoCatalog.PIXEL);
        }
        onboarding.submit(applicant, application.id());
        return application.id();
    }

    /** The demo officer claims the case's open task and decides it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void decide(String caseId, String outcome, String note, String template) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId).active().list().stream().findFirst()
                .orElse(null);
        if (task == null) {
            LOG.warning("Demo mode: no open task on case " + caseId);
            return;
        }
        Caller officer = new Caller(OFFICER, Set.of(Roles.COMPLIANCE_OFFICER), null);
        inbox.claim(officer, task.getId());
        Decision decision = new Decision(outcome, note, null);
        decision.setMessageTemplate(template);
        inbox.complete(officer, task.getId(), decision);
    }

    /** Creates (or changes) a listing of the seller with an image and submits it; returns its id. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String listing(Caller seller, String id, ProductDetails product) {
        ListingView view;
        if (id == null) {
            view = listings.create(seller, product);
            listings.upload(seller, view.id(), ListingFile.Purpose.IMAGE, null, "product.png", DemoCatalog.PIXEL);
        } else {
            view = listings.update(seller, id, null, product);
        }
        listings.submit(seller, view.id());
        return view.id();
    }

    /** Waits (at most half a minute) until the job executor has run the case's asynchronous steps. */
    private void settle(String caseId) {
        for (int i = 0; i < 150; i++) {
            boolean busy = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).active().list().stream()
                    .anyMatch(p -> management.createJobQuery().processInstanceId(p.getId()).executable().count() > 0);
            if (!busy) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warning("Demo mode: case " + caseId + " is still busy; its demo steps may not be complete");
    }

    private static ProductDetails product(String en, String zh, String description, String hs, ProductCategory category,
                                          String price) {
        ProductDetails d = new ProductDetails();
        d.setTitleEn(en);
        d.setTitleZh(zh);
        d.setDescriptionEn(description);
        d.setCategory(category);
        d.setHsCode(hs);
        d.setOriginCountry("CN");
        d.setPrice(new BigDecimal(price));
        d.setCurrency("EUR");
        d.setStockOwn(40);
        d.setWeightGrams(300);
        return d;
    }
}
