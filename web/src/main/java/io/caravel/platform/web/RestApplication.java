package io.caravel.platform.web;

import io.caravel.payment.web.PaymentSimulatorResource.SimulatorAnswer;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API, version 1, under {@code /api/v1}. Its OpenAPI document (/openapi) declares the tags
 * and security schemes here; {@link OpenApiFilter} adds what every operation shares.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Caravel API", version = "1",
        description = "Headless storefront, seller, compliance and admin API of Caravel. Errors are RFC 9457"
                + " application/problem+json with a stable type (https://caravel.io/problems/...)."),
        tags = {
                @Tag(name = "admin", description = "Administration: users, deployed workflows, the running build, scans"),
                @Tag(name = "catalog", description = "The public storefront catalog: search, products and their images"),
                @Tag(name = "channels", description = "Storefront channels: independent sites on this API and their tokens"),
                @Tag(name = "checkout", description = "Quotes: goods, shipping, duty and taxes in the buyer's currency"),
                @Tag(name = "creators", description = "Creators: registration, referral links and attributed orders"),
                @Tag(name = "customs", description = "Customs declarations of shipped orders and their corrections"),
                @Tag(name = "disputes", description = "Disputes: claims, the seller's answer, evidence, decisions, appeals"),
                @Tag(name = "fx", description = "Foreign-exchange reference rates"),
                @Tag(name = "hs", description = "Harmonized System codes: what a code means, codes for a product"),
                @Tag(name = "identity", description = "The signed-in user: account, password and API tokens"),
                @Tag(name = "inbox", description = "The task inbox of compliance officers and agents"),
                @Tag(name = "listings", description = "Sellers' listings, their review, and brands"),
                @Tag(name = "onboarding", description = "Seller registration and the onboarding application"),
                @Tag(name = "orders", description = "Orders: placing, paying, shipping and receipt"),
                @Tag(name = "payments", description = "The payment simulator and payment providers' webhooks"),
                @Tag(name = "payouts", description = "Payouts, statements and penalties"),
                @Tag(name = "privacy", description = "Personal data: access requests and transfer reports"),
                @Tag(name = "risk", description = "Risk events, their summary and FX exposure"),
                @Tag(name = "screening", description = "Sanctions lists and screening of names"),
                @Tag(name = "sellers", description = "Sellers' account health and notifications"),
                @Tag(name = "tariff", description = "The landed-cost rules: taxes, duties, thresholds, shipping"),
                @Tag(name = "warehouses", description = "Overseas warehouses, their stock and inbound shipments"),
                @Tag(name = "webhooks", description = "Webhook subscriptions, their signed deliveries and delivery log")},
        // answered through a Response (202), so the scanner meets the type nowhere else
        components = @Components(schemas = @Schema(name = "SimulatorAnswer", implementation = SimulatorAnswer.class)))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User name and password")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token of a user (POST /api/v1/api-tokens): cvl_...")
public class RestApplication extends Application {
}
