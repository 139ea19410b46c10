namespace Opside.Storage.Sqlite;

/// <summary>The schema as an ordered list of migrations. Append new ones; never edit an applied one.</summary>
internal static class SqliteSchema
{
    public const string CreateSchemaVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_utc TEXT    NOT NULL
        );
        """;

    public static readonly SqliteMigration[] Migrations =
    [
        new(1, "grain_state and reminders tables", """
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id   TEXT    NOT NULL,
                grain_type   TEXT    NOT NULL,
                grain_key    TEXT    NOT NULL,
                state_name   TEXT    NOT NULL,
                payload_json TEXT    NULL,
                version      INTEGER NOT NULL,
                modified_utc TEXT    NOT NULL,
                PRIMARY KEY (service_id, grain_type, grain_key, state_name)
            ) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS reminders (
                service_id    TEXT    NOT NULL,
                grain_id      TEXT    NOT NULL,
                reminder_name TEXT    NOT NULL,
                start_at_utc  TEXT    NOT NULL,
                period_ms     INTEGER NOT NULL,
                grain_hash    INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            ) WITHOUT ROWID;

            CREATE INDEX IF NOT EXISTS ix_reminders_service_hash ON reminders (service_id, grain_hash);
            """),

        // The data plane (SqliteDataPlaneStore), the same tables as PostgreSQL's 0005_data_plane.sql. STRICT
        // refuses a value of the wrong type instead of converting it. Representations chosen for exactness and
        // for cheap binding on ingest:
        //   a DateOnly is INTEGER yyyymmdd (sorts by date, reads as a date);
        //   a DateTimeOffset is INTEGER microseconds since the Unix epoch, UTC (PostgreSQL's precision, so both
        //   stores give back the same value), plus INTEGER <column>_offset in minutes, so it reads back equal;
        //   a decimal is TEXT in invariant culture: exact, with its scale (REAL would turn 6.12 into 6.1199...).
        // The ledger has no key (identical rows are separate events); rowid is the insertion order.
        new(2, "data plane tables", """
            CREATE TABLE IF NOT EXISTS ledger_events (
                seller_id             TEXT    NOT NULL,
                date                  INTEGER NOT NULL,
                fnsku                 TEXT    NOT NULL,
                asin                  TEXT    NOT NULL,
                msku                  TEXT    NOT NULL,
                title                 TEXT    NOT NULL,
                event_type            TEXT    NOT NULL,
                reference_id          TEXT    NOT NULL,
                quantity              INTEGER NOT NULL,
                fulfillment_center    TEXT    NOT NULL,
                disposition           TEXT    NOT NULL,
                reason                TEXT    NOT NULL,
                country               TEXT    NOT NULL,
                reconciled_quantity   INTEGER NULL,
                unreconciled_quantity INTEGER NULL,
                date_and_time         INTEGER NULL,
                date_and_time_offset  INTEGER NULL,
                store                 TEXT    NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_ledger_events_seller_date ON ledger_events (seller_id, date);

            CREATE TABLE IF NOT EXISTS reimbursements (
                seller_id                     TEXT    NOT NULL,
                approval_date                 INTEGER NOT NULL,
                approval_date_offset          INTEGER NOT NULL,
                reimbursement_id              TEXT    NOT NULL,
                case_id                       TEXT    NOT NULL,
                amazon_order_id               TEXT    NOT NULL,
                reason                        TEXT    NOT NULL,
                sku                           TEXT    NOT NULL,
                fnsku                         TEXT    NOT NULL,
                asin                          TEXT    NOT NULL,
                product_name                  TEXT    NOT NULL,
                condition                     TEXT    NOT NULL,
                currency                      TEXT    NOT NULL,
                amount_per_unit               TEXT    NOT NULL,
                amount_total                  TEXT    NOT NULL,
                quantity_reimbursed_cash      INTEGER NOT NULL,
                quantity_reimbursed_inventory INTEGER NOT NULL,
                quantity_reimbursed_total     INTEGER NOT NULL,
                original_reimbursement_id     TEXT    NOT NULL,
                original_reimbursement_type   TEXT    NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_reimbursements_seller_approval_date ON reimbursements (seller_id, approval_date);
            CREATE INDEX IF NOT EXISTS ix_reimbursements_seller_reimbursement_id ON reimbursements (seller_id, reimbursement_id);
            CREATE INDEX IF NOT EXISTS ix_reimbursements_seller_amazon_order_id ON reimbursements (seller_id, amazon_order_id);

            CREATE TABLE IF NOT EXISTS customer_returns (
                seller_id             TEXT    NOT NULL,
                return_date           INTEGER NOT NULL,
                return_date_offset    INTEGER NOT NULL,
                order_id              TEXT    NOT NULL,
                sku                   TEXT    NOT NULL,
                asin                  TEXT    NOT NULL,
                fnsku                 TEXT    NOT NULL,
                product_name          TEXT    NOT NULL,
                quantity              INTEGER NOT NULL,
                fulfillment_center_id TEXT    NOT NULL,
                detailed_disposition  TEXT    NOT NULL,
                reason                TEXT    NOT NULL,
                status                TEXT    NOT NULL,
                license_plate_number  TEXT    NOT NULL,
                customer_comments     TEXT    NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_customer_returns_seller_return_date ON customer_returns (seller_id, return_date);
            CREATE INDEX IF NOT EXISTS ix_customer_returns_seller_order_id ON customer_returns (seller_id, order_id);

            CREATE TABLE IF NOT EXISTS removal_orders (
                seller_id                TEXT    NOT NULL,
                request_date             INTEGER NOT NULL,
                request_date_offset      INTEGER NOT NULL,
                order_id                 TEXT    NOT NULL,
                order_type               TEXT    NOT NULL,
                service_speed            TEXT    NOT NULL,
                order_status             TEXT    NOT NULL,
                last_updated_date        INTEGER NOT NULL,
                last_updated_date_offset INTEGER NOT NULL,
                sku                      TEXT    NOT NULL,
                fnsku                    TEXT    NOT NULL,
                disposition              TEXT    NOT NULL,
                requested_quantity       INTEGER NOT NULL,
                cancelled_quantity       INTEGER NOT NULL,
                disposed_quantity        INTEGER NOT NULL,
                shipped_quantity         INTEGER NOT NULL,
                in_process_quantity      INTEGER NOT NULL,
                removal_fee              TEXT    NULL,
                currency                 TEXT    NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_removal_orders_seller_request_date ON removal_orders (seller_id, request_date);
            CREATE INDEX IF NOT EXISTS ix_removal_orders_seller_order_id ON removal_orders (seller_id, order_id);

            CREATE TABLE IF NOT EXISTS refund_items (
                seller_id                TEXT    NOT NULL,
                amazon_order_id          TEXT    NOT NULL,
                posted_date              INTEGER NOT NULL,
                posted_date_offset       INTEGER NOT NULL,
                marketplace_name         TEXT    NOT NULL,
                seller_sku               TEXT    NOT NULL,
                order_adjustment_item_id TEXT    NOT NULL,
                quantity_shipped         INTEGER NOT NULL,
                principal                TEXT    NOT NULL,
                currency                 TEXT    NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_refund_items_seller_posted_date ON refund_items (seller_id, posted_date);
            CREATE INDEX IF NOT EXISTS ix_refund_items_seller_amazon_order_id ON refund_items (seller_id, amazon_order_id);

            CREATE TABLE IF NOT EXISTS inbound_shipments (
                seller_id                         TEXT NOT NULL,
                shipment_id                       TEXT NOT NULL,
                shipment_name                     TEXT NOT NULL,
                shipment_status                   TEXT NOT NULL,
                destination_fulfillment_center_id TEXT NOT NULL,
                PRIMARY KEY (seller_id, shipment_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS inbound_shipment_items (
                seller_id               TEXT    NOT NULL,
                shipment_id             TEXT    NOT NULL,
                seller_sku              TEXT    NOT NULL,
                fulfillment_network_sku TEXT    NOT NULL,
                quantity_shipped        INTEGER NOT NULL,
                quantity_received       INTEGER NOT NULL,
                quantity_in_case        INTEGER NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_inbound_shipment_items_seller_shipment_id ON inbound_shipment_items (seller_id, shipment_id);

            CREATE TABLE IF NOT EXISTS archived_documents (
                seller_id         TEXT    NOT NULL,
                id                TEXT    NOT NULL,
                source            TEXT    NOT NULL,
                fetched_at        INTEGER NOT NULL,
                fetched_at_offset INTEGER NOT NULL,
                request           TEXT    NOT NULL,
                content_type      TEXT    NULL,
                gzip_content      BLOB    NOT NULL,
                PRIMARY KEY (seller_id, id)
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_archived_documents_seller_fetched_at ON archived_documents (seller_id, fetched_at);
            """),

        // The seller's cost catalog, as PostgreSQL's 0006_cost_catalog.sql: replaced whole by each upload.
        new(3, "cost catalog", """
            CREATE TABLE IF NOT EXISTS cost_catalog (
                seller_id      TEXT    NOT NULL,
                sku            TEXT    NOT NULL,
                unit_cost      TEXT    NOT NULL,
                currency       TEXT    NOT NULL,
                source         TEXT    NOT NULL,
                effective_date INTEGER NOT NULL
            ) STRICT;

            CREATE INDEX IF NOT EXISTS ix_cost_catalog_seller_sku ON cost_catalog (seller_id, sku, effective_date);
            """),

        // The claims read model, as PostgreSQL's 0007_claims.sql: one row per claim, the newest version its grain
        // projected; the filter and sort columns beside the claim's API JSON. Money as exact TEXT, days as yyyymmdd.
        new(4, "claims read model", """
            CREATE TABLE IF NOT EXISTS claims (
                seller_id       TEXT    NOT NULL,
                claim_id        TEXT    NOT NULL,
                type            TEXT    NOT NULL,
                status          TEXT    NOT NULL,
                anchor_date     INTEGER NOT NULL,
                window_closes   INTEGER NOT NULL,
                estimated_value TEXT    NULL,
                currency        TEXT    NULL,
                version         INTEGER NOT NULL,
                json            TEXT    NOT NULL,
                PRIMARY KEY (seller_id, claim_id)
            ) STRICT, WITHOUT ROWID;

            CREATE INDEX IF NOT EXISTS ix_claims_seller_window ON claims (seller_id, window_closes, claim_id);
            CREATE INDEX IF NOT EXISTS ix_claims_seller_status_window ON claims (seller_id, status, window_closes, claim_id);
            """),

        // Uploaded documents staged in pieces until the seller's pipeline ingests them, as PostgreSQL's 0008_upload_chunks.sql.
        new(5, "upload chunks", """
            CREATE TABLE IF NOT EXISTS upload_chunks (
                seller_id TEXT    NOT NULL,
                upload_id TEXT    NOT NULL,
                sequence  INTEGER NOT NULL,
                content   BLOB    NOT NULL,
                PRIMARY KEY (seller_id, upload_id, sequence)
            ) STRICT, WITHOUT ROWID;
            """),

        // The claim workflow's columns, as PostgreSQL's 0009_claims_workflow.sql: the case id reconciliation looks
        // claims up by, the identifiers text search reads (filled from the stored JSON for existing rows), what was
        // recovered, and the ops queue's index across sellers.
        new(6, "claims workflow", """
            ALTER TABLE claims ADD COLUMN case_id TEXT NULL;
            ALTER TABLE claims ADD COLUMN search TEXT NOT NULL DEFAULT '';
            ALTER TABLE claims ADD COLUMN recovered_amount TEXT NULL;
            ALTER TABLE claims ADD COLUMN recovered_currency TEXT NULL;
            UPDATE claims SET search = lower(rtrim(
                coalesce(json_extract(json, '$.fnsku') || char(10), '') || coalesce(json_extract(json, '$.sku') || char(10), '') ||
                coalesce(json_extract(json, '$.orderId') || char(10), '') || coalesce(json_extract(json, '$.shipmentId') || char(10), '') ||
                coalesce(json_extract(json, '$.removalOrderId') || char(10), ''), char(10)));
            CREATE INDEX IF NOT EXISTS ix_claims_seller_case ON claims (seller_id, case_id) WHERE case_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_claims_status_window ON claims (status, window_closes, seller_id, claim_id);
            """),

        // The claims list's keys, as PostgreSQL's 0010_claims_list_indexes.sql serves them with several indexes: one index
        // holding every column a list filters or sorts on, which a seller's list reads instead of rows carrying their
        // JSON (a secondary index of a WITHOUT ROWID table holds the key too); and the ops queue's order across sellers.
        new(7, "claims list index", """
            CREATE INDEX IF NOT EXISTS ix_claims_seller_list
                ON claims (seller_id, window_closes, status, type, anchor_date, estimated_value, search, claim_id);
            CREATE INDEX IF NOT EXISTS ix_claims_queue ON claims (window_closes, CAST(estimated_value AS REAL) DESC, seller_id, claim_id);
            """),

        // The claims read model rebuilt for its list (docs/benchmarks.md, "Claim workflow"). A rowid table: a WITHOUT
        // ROWID table suits rows far smaller than a claim's 1.4 KB of JSON, which there spilled to overflow pages on every
        // read; here a row fits its page. Key unchanged, as a UNIQUE constraint (the upserts' conflict target). A seller's
        // list reads its page keys from one index per order it offers, each holding every filtered column, so a page is
        // found by walking one index in order and its rows are read only once chosen. The value sorts as a number with
        // unknown values last in both directions (NULL sorts first in SQLite, hence the leading IS NULL).
        new(8, "claims as a rowid table, an index per list order", """
            CREATE TABLE claims_rebuilt (
                seller_id          TEXT    NOT NULL,
                claim_id           TEXT    NOT NULL,
                type               TEXT    NOT NULL,
                status             TEXT    NOT NULL,
                anchor_date        INTEGER NOT NULL,
                window_closes      INTEGER NOT NULL,
                estimated_value    TEXT    NULL,
                currency           TEXT    NULL,
                version            INTEGER NOT NULL,
                case_id            TEXT    NULL,
                search             TEXT    NOT NULL,
                recovered_amount   TEXT    NULL,
                recovered_currency TEXT    NULL,
                json               TEXT    NOT NULL,
                UNIQUE (seller_id, claim_id)
            ) STRICT;

            INSERT INTO claims_rebuilt (seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency,
                                        version, case_id, search, recovered_amount, recovered_currency, json)
            SELECT seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency,
                   version, case_id, search, recovered_amount, recovered_currency, json
            FROM claims;

            DROP TABLE claims;
            ALTER TABLE claims_rebuilt RENAME TO claims;

            CREATE INDEX ix_claims_list_window ON claims
                (seller_id, window_closes, claim_id, status, type, anchor_date, estimated_value, search);
            CREATE INDEX ix_claims_list_anchor ON claims
                (seller_id, anchor_date, claim_id, status, type, window_closes, estimated_value, search);
            CREATE INDEX ix_claims_list_value ON claims
                (seller_id, estimated_value IS NULL, CAST(estimated_value AS REAL), claim_id, status, type, window_closes, anchor_date, search);
            CREATE INDEX ix_claims_list_value_desc ON claims
                (seller_id, estimated_value IS NULL, CAST(estimated_value AS REAL) DESC, claim_id, status, type, window_closes, anchor_date, search);
            CREATE INDEX ix_claims_seller_case ON claims (seller_id, case_id) WHERE case_id IS NOT NULL;
            CREATE INDEX ix_claims_status_window ON claims (status, window_closes, seller_id, claim_id);
            CREATE INDEX ix_claims_queue ON claims (window_closes, estimated_value IS NULL, CAST(estimated_value AS REAL) DESC, seller_id, claim_id);
            """),

        // Trained refund models and the promotions log, as PostgreSQL's 0012_scoring_models.sql. Instants as UTC
        // microseconds since the Unix epoch, as the data plane keeps them.
        new(9, "scoring models", """
            CREATE TABLE scoring_models (
                version    TEXT    NOT NULL PRIMARY KEY,
                trained_at INTEGER NOT NULL,
                bootstrap  INTEGER NOT NULL,
                metadata   TEXT    NOT NULL,
                package    BLOB    NOT NULL
            ) STRICT;

            CREATE TABLE scoring_model_promotions (
                sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
                version     TEXT    NOT NULL REFERENCES scoring_models (version),
                promoted_at INTEGER NOT NULL,
                promoted_by TEXT    NOT NULL,
                kind        TEXT    NOT NULL CHECK (kind IN ('promoted', 'rollback'))
            ) STRICT;
            """),

        // The refund model's expected recovery in the claims read model, as PostgreSQL's 0013_claims_expected_recovery.sql:
        // the ops queue orders by it after the window close, then by the estimated value (exact TEXT like all money here).
        new(10, "claims expected recovery", """
            ALTER TABLE claims ADD COLUMN expected_recovery TEXT NULL;
            DROP INDEX ix_claims_queue;
            CREATE INDEX ix_claims_queue ON claims (window_closes, expected_recovery IS NULL, CAST(expected_recovery AS REAL) DESC,
                estimated_value IS NULL, CAST(estimated_value AS REAL) DESC, seller_id, claim_id);
            """),

        // The billing ledger, as PostgreSQL's 0014_billing_ledger.sql: money as exact TEXT, instants as UTC microseconds.
        new(11, "billing ledger", """
            CREATE TABLE billing_ledger (
                seller_id                 TEXT    NOT NULL,
                entry_key                 TEXT    NOT NULL,
                kind                      TEXT    NOT NULL CHECK (kind IN ('Charge', 'Credit')),
                claim_id                  TEXT    NOT NULL,
                case_id                   TEXT    NOT NULL,
                reimbursement_id          TEXT    NOT NULL,
                reversed_reimbursement_id TEXT    NULL,
                approved_at               INTEGER NOT NULL,
                currency                  TEXT    NOT NULL,
                cash                      TEXT    NOT NULL,
                inventory_units           INTEGER NOT NULL,
                unit_value                TEXT    NULL,
                rate                      TEXT    NOT NULL,
                commission                TEXT    NOT NULL,
                recorded_at               INTEGER NOT NULL,
                state                     TEXT    NOT NULL CHECK (state IN ('Pending', 'Pushed', 'Invoiced', 'Paid')),
                stripe_invoice_item_id    TEXT    NULL,
                stripe_invoice_id         TEXT    NULL,
                PRIMARY KEY (seller_id, entry_key)
            ) STRICT;

            CREATE INDEX ix_billing_ledger_approved ON billing_ledger (seller_id, approved_at, entry_key);
            CREATE INDEX ix_billing_ledger_pending ON billing_ledger (seller_id, recorded_at, entry_key) WHERE state = 'Pending';
            """),

        // Billing accounts and applied Stripe events, as PostgreSQL's 0015_billing_accounts.sql.
        new(12, "billing accounts", """
            CREATE TABLE billing_accounts (
                seller_id    TEXT    NOT NULL PRIMARY KEY,
                status       TEXT    NOT NULL CHECK (status IN ('NoPaymentMethod', 'Active', 'PastDue')),
                customer_id  TEXT    NULL,
                updated_at   INTEGER NOT NULL
            ) STRICT;

            CREATE INDEX ix_billing_accounts_status ON billing_accounts (status, seller_id);

            CREATE TABLE billing_stripe_events (
                event_id    TEXT    NOT NULL PRIMARY KEY,
                seller_id   TEXT    NOT NULL,
                type        TEXT    NOT NULL,
                applied_at  INTEGER NOT NULL
            ) STRICT;

            CREATE INDEX ix_billing_ledger_uninvoiced ON billing_ledger (seller_id, currency) WHERE state = 'Pushed';
            """),
    ];
}

internal sealed record SqliteMigration(int Version, string Description, string Sql);
