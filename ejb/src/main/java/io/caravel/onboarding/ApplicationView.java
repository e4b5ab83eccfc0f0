package io.caravel.onboarding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as the seller and the compliance team see it; the bank account is masked. The risk
 * assessment and screening outcome are for staff only (null for the seller: no tipping-off).
 */
public record ApplicationView(String id, String sellerId, ApplicationStatus status, int version, String legalName,
                              String tradingName, String country, String registrationNumber, String taxId,
                              String address, String contactEmail, String contactPhone, List<String> operatingModels,
                              String mainCategory, List<String> otherCategories, Long expectedYearlySalesEur, Long expectedYearlyOrders,
                              String bankAccountMasked, List<PartyView> parties, String questions, String sellerAnswer,
                              String decision, String decisionMessage, String riskLevel, String riskReasons,
                              Boolean screeningHit, Double screeningTopScore, String screeningListVersion,
                              Instant createdAt, Instant submittedAt, Instant decidedAt) {

    /** A director or owner. */
    public record PartyView(PartyRole role, String name, LocalDate dateOfBirth, String nationality,
                            BigDecimal sharePercent) {
    }

    static ApplicationView of(SellerApplication a, boolean staff) {
        return new ApplicationView(a.id(), a.sellerId(), a.status(), a.version(), a.legalName(), a.tradingName(),
                a.country(), a.registrationNumber(), a.taxId(), a.address(), a.contactEmail(), a.contactPhone(),
                a.operatingModels() == null || a.operatingModels().isEmpty() ? List.of() : List.of(a.operatingModels().split(",")),
                a.mainCategory(), a.otherCategories(), a.expectedYearlySalesEur(), a.expectedYearlyOrders(), mask(a.bankAccount()),
                a.parties().stream().map(p -> new PartyView(p.role(), p.fullName(), p.dateOfBirth(), p.nationality(),
                        p.sharePercent())).toList(),
                a.questions(), a.sellerAnswer(), a.decision(), a.decisionMessage(), staff ? a.riskLevel() : null,
                staff ? a.riskReasons() : null, staff ? a.screeningHit() : null, staff ? a.screeningTopScore() : null,
                staff ? a.screeningListVersion() : null, a.createdAt(), a.submittedAt(), a.decidedAt());
    }

    /** Country code and check digits, then only the last four characters: "DE89 **** 3000". */
    static String mask(String account) {
        if (account == null || account.length() < 8) {
            return account == null ? null : "****";
        }
        return account.substring(0, 4) + " **** " + account.substring(account.length() - 4);
    }
}
