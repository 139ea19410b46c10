-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (10.4.x).
--
-- The provider calls the cluster "DeploymentId" (it is ClusterOptions.ClusterId). Each cluster has one
-- version row; Orleans' membership protocol is optimistic: a silo reads the rows together with that
-- version, and an insert or update of a silo row succeeds only if the version is still the one it read,
-- bumping it in the same statement. A stale caller must change nothing and get 0 back, then re-reads.
-- Heartbeats (UpdateIAmAlivetimeKey) and dead-row cleanup are outside that protocol and never bump it.
--
-- Silo status values used below: 3 = Active, 6 = Dead (Orleans.Runtime.SiloStatus).

CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    version      integer      NOT NULL DEFAULT 0,
    changedat    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleansmembershipversiontable_pkey PRIMARY KEY (deploymentid)
);

CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL,
    -- "silo,time|silo,time" exactly as the provider formats it; it parses the text back itself.
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT orleansmembershiptable_pkey PRIMARY KEY (deploymentid, address, port, generation),
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) removes its silos with it.
    CONSTRAINT orleansmembershiptable_cluster_fkey FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE
);

-- Returns 1 when this call created the cluster's version row, 0 when it already existed.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM created
');

-- The version is bumped first: its row lock serialises concurrent writers, and a writer that waited
-- re-checks the version after the other commits, so at most one of two racing inserts wins. The
-- NOT EXISTS guard keeps a repeated insert of the same silo from bumping the version for nothing. (Only
-- a row written behind this query's back could still make the insert a no-op after the bump; the caller
-- then sees 0 and re-reads, and a spare version bump is harmless.)
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', '
WITH bumped AS (
    UPDATE orleansmembershipversiontable
       SET version = version + 1,
           changedat = now()
     WHERE deploymentid = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (
           SELECT 1
             FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId
              AND address = @Address
              AND port = @Port
              AND generation = @Generation)
    RETURNING deploymentid
), inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    SELECT b.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped b
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM inserted
');

-- Same shape as the insert: version first, then the silo row, both or neither.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE orleansmembershipversiontable
       SET version = version + 1,
           changedat = now()
     WHERE deploymentid = @DeploymentId
       AND version = @Version
       AND EXISTS (
           SELECT 1
             FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId
              AND address = @Address
              AND port = @Port
              AND generation = @Generation)
    RETURNING deploymentid
), updated AS (
    UPDATE orleansmembershiptable m
       SET status = @Status,
           suspecttimes = @SuspectTimes,
           iamalivetime = greatest(m.iamalivetime, @IAmAliveTime)
      FROM bumped b
     WHERE m.deploymentid = b.deploymentid
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) FROM updated
');

-- A late or retried heartbeat must not move the liveness of a silo backwards.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE orleansmembershiptable
   SET iamalivetime = greatest(iamalivetime, @IAmAliveTime)
 WHERE deploymentid = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
');

-- The left join returns the version row even when the silo has no row yet; the provider treats a null
-- starttime as "no member" and still takes the version from it.
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', '
SELECT v.deploymentid,
       m.address,
       m.port,
       m.generation,
       m.siloname,
       m.hostname,
       m.status,
       m.proxyport,
       m.suspecttimes,
       m.starttime,
       m.iamalivetime,
       v.version
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m
         ON m.deploymentid = v.deploymentid
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId
');

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', '
SELECT v.deploymentid,
       m.address,
       m.port,
       m.generation,
       m.siloname,
       m.hostname,
       m.status,
       m.proxyport,
       m.suspecttimes,
       m.starttime,
       m.iamalivetime,
       v.version
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m
         ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId
');

-- Used by clients (and silos) to find gateways; the provider binds @Status = 3 (Active).
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', '
SELECT address,
       proxyport,
       generation
  FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = @Status
   AND proxyport > 0
');

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM orleansmembershipversiontable
 WHERE deploymentid = @DeploymentId
');

-- Required by the provider, but 10.4.x runs it only when CleanupDefunctSiloEntryKey below is absent.
-- Only rows already declared Dead go: deleting a stale Joining or ShuttingDown row would take a silo out
-- of the protocol before the cluster has agreed it is gone.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = 6
   AND iamalivetime < @IAmAliveTime
   AND starttime < @IAmAliveTime
');

-- Optional in 10.4.x and preferred when present: the provider reads all rows, picks the Dead ones older
-- than the cut-off, and deletes each only if it still holds the values it read, so a row that changed
-- in between (a new heartbeat, a new suspicion) survives until the next round.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND starttime = @StartTime
   AND iamalivetime = @IAmAliveTime
   AND coalesce(suspecttimes, '''') = coalesce(@SuspectTimes, '''')
');
