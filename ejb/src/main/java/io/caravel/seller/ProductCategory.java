package io.caravel.seller;

/** Main product categories a seller declares; some carry more compliance risk (see the seller-risk DMN). */
public enum ProductCategory {
    ELECTRONICS, APPAREL, HOME, BEAUTY, FOOD, TOYS, HEALTH, JEWELRY, SPORTS, OTHER
}
