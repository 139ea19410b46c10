-- The claims read model: one row per claim, the newest version its grain projected (a row is replaced only by a
-- newer version), with the columns the API filters and sorts on beside the claim's API JSON.

CREATE TABLE claims
(
    seller_id       text    NOT NULL,
    claim_id        text    NOT NULL,
    type            text    NOT NULL,
    status          text    NOT NULL,
    anchor_date     date    NOT NULL,
    window_closes   date    NOT NULL,
    estimated_value numeric NULL,
    currency        text    NULL,
    version         bigint  NOT NULL,
    json            text    NOT NULL,
    PRIMARY KEY (seller_id, claim_id)
);

CREATE INDEX claims_seller_window ON claims (seller_id, window_closes, claim_id);
CREATE INDEX claims_seller_status_window ON claims (seller_id, status, window_closes, claim_id);
