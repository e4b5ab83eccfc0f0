package io.caravel.listing;

import io.caravel.risk.RiskCategory;

/** What one automatic check found: a stable code (e.g. PROHIBITED_HS_CHAPTER), the outcome, its risk category and why. */
public record CheckResult(String code, ListingCheck.Outcome outcome, RiskCategory category, String detail) {
}
