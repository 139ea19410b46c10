-- The billing ledger (docs/billing.md, "Ledger"): one row per commission charged on a reimbursement of a filed claim,
-- or credited for a reversal of one, keyed by seller and the reimbursement row's identity so that reconciliation
-- records it once however often it runs. Amounts are signed: a credit's are negative.

CREATE TABLE billing_ledger (
    seller_id                 text          NOT NULL,
    entry_key                 text          NOT NULL,
    kind                      text          NOT NULL CHECK (kind IN ('Charge', 'Credit')),
    claim_id                  text          NOT NULL,
    case_id                   text          NOT NULL,
    reimbursement_id          text          NOT NULL,
    reversed_reimbursement_id text          NULL,
    approved_at               timestamptz   NOT NULL,
    currency                  text          NOT NULL,
    cash                      numeric       NOT NULL,
    inventory_units           integer       NOT NULL,
    unit_value                numeric       NULL,
    rate                      numeric       NOT NULL,
    commission                numeric       NOT NULL,
    recorded_at               timestamptz   NOT NULL,
    state                     text          NOT NULL CHECK (state IN ('Pending', 'Pushed', 'Invoiced', 'Paid')),
    stripe_invoice_item_id    text          NULL,
    stripe_invoice_id         text          NULL,
    PRIMARY KEY (seller_id, entry_key)
);

-- A month's statement, and the entries still to push to Stripe.
CREATE INDEX billing_ledger_approved ON billing_ledger (seller_id, approved_at, entry_key);
CREATE INDEX billing_ledger_pending ON billing_ledger (seller_id, recorded_at, entry_key) WHERE state = 'Pending';
