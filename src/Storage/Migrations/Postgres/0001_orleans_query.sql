-- The Orleans ADO.NET providers (clustering, persistence, reminders) ship no SQL. At start-up each one
-- runs "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards executes only the statements it
-- found there, looked up by the key names compiled into the provider. The later migrations fill this
-- table, each with the keys of the provider whose tables it creates.
--
-- Identifiers are unquoted on both sides, so PostgreSQL folds the provider's mixed-case names to these
-- lower-case ones; Npgsql matches result columns by name case-insensitively.
--
-- Rules for every stored statement (learnt from the providers' code, not from any published schema):
--   * parameters are referenced as @Name with exactly the names the provider binds;
--   * result columns are read by name, so their names (not their order) are the contract;
--   * a conditional write whose version/etag is stale must change nothing.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey)
);
