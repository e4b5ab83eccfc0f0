-- Foreign-exchange reference rates in units of a currency per 1 EUR, one row per currency and day,
-- with where they came from (e.g. ECB) and who loaded them. Prices name the rate and date they used.

CREATE TABLE fx_rate (
    id          VARCHAR(14)     NOT NULL PRIMARY KEY,
    currency    VARCHAR(3)      NOT NULL,
    rate_date   DATE            NOT NULL,
    rate        DECIMAL(19, 6)  NOT NULL,
    source      VARCHAR(40)     NOT NULL,
    loaded_at   TIMESTAMP(6)    NOT NULL,
    loaded_by   VARCHAR(64)     NOT NULL
);
CREATE INDEX ix_fx_rate_currency ON fx_rate (currency, rate_date);
