package io.caravel.listing;

/** Documents a listing of restricted goods needs, and evidence a seller may add. */
public enum ListingDocumentKind {
    DANGEROUS_GOODS_DECLARATION,
    COSMETIC_SAFETY_REPORT,
    FOOD_SAFETY_CERTIFICATE,
    MEDICAL_AUTHORISATION,
    BRAND_AUTHORIZATION_LETTER,
    OTHER
}
