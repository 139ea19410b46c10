-- Grain state for Microsoft.Orleans.Persistence.AdoNet (10.4.x).
--
-- The provider identifies a state record by service, grain type and grain id. A grain id arrives split
-- into two 64-bit numbers (Guid or integer keys) plus an optional string (string keys, or the extension
-- of a compound key, NULL when there is none), together with two 32-bit hashes the provider computes from
-- the id and the type. The hashes are part of the identity as well: they lead the unique key, which keeps
-- look-ups selective, and they keep an integer key with extension "x" apart from a string key "x".
--
-- The payload is whatever the configured grain storage serializer produced; Opside uses the
-- System.Text.Json serializer, so it is UTF-8 JSON in a bytea column.
--
-- "version" is the etag. A write or clear must carry the version it read (NULL when no record was read),
-- returns the new version, and returns no row when the version is stale; the provider then raises
-- InconsistentStateException. Requires PostgreSQL 15+ (UNIQUE NULLS NOT DISTINCT).

CREATE TABLE orleansstorage
(
    grainidhash            integer     NOT NULL,
    graintypehash          integer     NOT NULL,
    serviceid              text        NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypestring        text        NOT NULL,
    grainidextensionstring text        NULL,
    payloadbinary          bytea       NULL,
    version                integer     NOT NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT: two records of one grain without a key extension must still collide, so that
    -- of two activations racing to create the same state only one INSERT can succeed.
    CONSTRAINT orleansstorage_grain_key UNIQUE NULLS NOT DISTINCT
        (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, graintypestring, grainidextensionstring)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
SELECT payloadbinary,
       version
  FROM orleansstorage
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
');

-- One statement for both cases: with a version it updates the record holding exactly that version;
-- without one it creates the record unless it already exists. Either branch yields the new version, or
-- nothing when the caller is stale (or lost the race to create).
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
WITH updated AS (
    UPDATE orleansstorage
       SET payloadbinary = @PayloadBinary,
           version = version + 1,
           modifiedon = now()
     WHERE grainidhash = @GrainIdHash
       AND graintypehash = @GrainTypeHash
       AND serviceid = @ServiceId
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleansstorage
        (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, graintypestring, grainidextensionstring, payloadbinary, version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainIdN0, @GrainIdN1, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleansstorage_grain_key DO NOTHING
    RETURNING version
)
SELECT version AS newgrainstateversion FROM updated
UNION ALL
SELECT version FROM inserted
');

-- Clearing keeps the record (and so its version) but drops the payload, so a later write by a stale
-- activation still fails. The provider reads the first column of the returned row.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
UPDATE orleansstorage
   SET payloadbinary = NULL,
       version = version + 1,
       modifiedon = now()
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS newgrainstateversion
');

-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set. The provider
-- only checks that the returned value differs from the version it sent.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', '
DELETE FROM orleansstorage
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND serviceid = @ServiceId
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS newgrainstateversion
');
