-- The seller's cost catalog: the documented unit manufacturing cost of each SKU from a date on, with the
-- document that proves it. An upload replaces a seller's whole catalog; detection reads it whole.

CREATE TABLE cost_catalog
(
    id             bigint GENERATED ALWAYS AS IDENTITY,
    seller_id      text    NOT NULL,
    sku            text    NOT NULL,
    unit_cost      numeric NOT NULL,
    currency       text    NOT NULL,
    source         text    NOT NULL,
    effective_date date    NOT NULL
);

CREATE INDEX cost_catalog_seller_sku ON cost_catalog (seller_id, sku, effective_date);
