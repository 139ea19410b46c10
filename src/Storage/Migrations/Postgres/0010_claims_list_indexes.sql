-- Indexes for the claims list's filters and orders (docs/benchmarks.md, "Claim workflow"). A page's keys come from an
-- index alone, in the page's order: each order a seller's list offers has an index that also carries every column the
-- list filters on, so the filters are checked in the index and no row with its JSON is read until the page is chosen.
-- The value has one index per direction, since both put unknown values last. The seller's window index gives way to
-- the covering one; the ops queue gets its own order across sellers.

DROP INDEX IF EXISTS claims_seller_window;
CREATE INDEX claims_seller_list ON claims (seller_id, window_closes, claim_id)
    INCLUDE (status, type, anchor_date, estimated_value, search);
CREATE INDEX claims_seller_anchor ON claims (seller_id, anchor_date, claim_id)
    INCLUDE (status, type, window_closes, estimated_value, search);
CREATE INDEX claims_seller_value ON claims (seller_id, estimated_value, claim_id)
    INCLUDE (status, type, window_closes, anchor_date, search);
CREATE INDEX claims_seller_value_desc ON claims (seller_id, estimated_value DESC NULLS LAST, claim_id)
    INCLUDE (status, type, window_closes, anchor_date, search);
CREATE INDEX claims_queue ON claims (window_closes, estimated_value DESC NULLS LAST, seller_id, claim_id);
