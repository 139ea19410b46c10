-- The claim workflow's columns in the claims read model: the case id reconciliation looks filed claims up by, the
-- claim's identifiers in lower case for text search (filled from the stored JSON for the rows written before), what
-- Amazon paid on the case, and an index for the ops queue across sellers (soonest close first).

ALTER TABLE claims
    ADD COLUMN case_id            text    NULL,
    ADD COLUMN search             text    NOT NULL DEFAULT '',
    ADD COLUMN recovered_amount   numeric NULL,
    ADD COLUMN recovered_currency text    NULL;

UPDATE claims SET search = lower(concat_ws(E'\n',
    nullif(json::jsonb ->> 'fnsku', ''), nullif(json::jsonb ->> 'sku', ''), json::jsonb ->> 'orderId',
    json::jsonb ->> 'shipmentId', json::jsonb ->> 'removalOrderId'));

CREATE INDEX claims_seller_case ON claims (seller_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX claims_status_window ON claims (status, window_closes, seller_id, claim_id);
