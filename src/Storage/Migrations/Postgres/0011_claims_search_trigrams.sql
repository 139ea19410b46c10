-- Text search on the claims list (`q`: part of an FNSKU, SKU, order, shipment, removal order or case id) from a trigram
-- index (docs/benchmarks.md, "Claim workflow"): `search LIKE '%…%'` can use no b-tree, so without it each search checked
-- every one of the seller's claims. With it, a pattern of three characters or more reads only the claims holding each
-- of its trigrams. pg_trgm ships with PostgreSQL and is a trusted extension: the migrating role needs CREATE on the
-- database, not superuser (docs/operations.md, "Deploying a cluster").

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX claims_search_trigrams ON claims USING gin (search gin_trgm_ops);
