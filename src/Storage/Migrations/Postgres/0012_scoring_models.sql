-- Trained refund models (docs/model-card.md, "Versions"): each version once with its package (the zip of both ML.NET
-- models and the metadata) and the metadata apart as JSON for listing; and the log of promotions, whose newest entry is
-- the model being served, so a rollback promotes the version served before.

CREATE TABLE scoring_models (
    version    text        PRIMARY KEY,
    trained_at timestamptz NOT NULL,
    bootstrap  boolean     NOT NULL,
    metadata   jsonb       NOT NULL,
    package    bytea       NOT NULL
);

CREATE TABLE scoring_model_promotions (
    sequence    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version     text        NOT NULL REFERENCES scoring_models (version),
    promoted_at timestamptz NOT NULL,
    promoted_by text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('promoted', 'rollback'))
);
