-- The refund model's expected recovery in the claims read model (docs/model-card.md, "Serving"): the ops queue orders
-- by the soonest window close, then the most expected recovery, then (for claims not scored yet) the estimated value.

ALTER TABLE claims ADD COLUMN expected_recovery numeric NULL;
DROP INDEX claims_queue;
CREATE INDEX claims_queue ON claims (window_closes, expected_recovery DESC NULLS LAST, estimated_value DESC NULLS LAST, seller_id, claim_id);
