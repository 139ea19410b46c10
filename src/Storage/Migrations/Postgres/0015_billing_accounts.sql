-- Billing accounts (docs/billing.md, "Stripe"): each seller's billing status and Stripe customer, so ops can list the
-- sellers in a status; and the Stripe events already applied, by event id, so a replayed webhook changes nothing.

CREATE TABLE billing_accounts (
    seller_id    text        PRIMARY KEY,
    status       text        NOT NULL CHECK (status IN ('NoPaymentMethod', 'Active', 'PastDue')),
    customer_id  text        NULL,
    updated_at   timestamptz NOT NULL
);

CREATE INDEX billing_accounts_status ON billing_accounts (status, seller_id);

CREATE TABLE billing_stripe_events (
    event_id    text        PRIMARY KEY,
    seller_id   text        NOT NULL,
    type        text        NOT NULL,
    applied_at  timestamptz NOT NULL
);

-- The pushed entries not on an invoice yet, by currency: what the next invoice takes.
CREATE INDEX billing_ledger_uninvoiced ON billing_ledger (seller_id, currency) WHERE state = 'Pushed';
