package io.caravel.seller;

/** The four operating models of cross-border trade; a seller runs one or more of them. */
public enum OperatingModel {
    /** Third-party seller on the platform's marketplace (平台型). */
    MARKETPLACE,
    /** The platform's own store or a seller's independent storefront on the headless API (自营型). */
    SELF_OPERATED,
    /** Creators selling through content and referral links (社交与内容驱动型). */
    SOCIAL_CONTENT,
    /** Suppliers with a wholesale catalog, resellers, dropship and overseas warehouses (专业服务与分销型). */
    DISTRIBUTION
}
