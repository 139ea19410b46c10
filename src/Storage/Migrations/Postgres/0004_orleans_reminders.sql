-- Reminders for Microsoft.Orleans.Reminders.AdoNet (10.4.x).
--
-- A reminder is identified by service, grain id (GrainId.ToString()) and name. "grainhash" is the
-- grain's uniform hash as a signed 32-bit integer; each silo reads the reminders whose hash falls in
-- the ring range it owns. "period" is in milliseconds. "version" is the etag: every upsert changes it,
-- and a delete must carry the current one.

CREATE TABLE orleansreminderstable
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    CONSTRAINT orleansreminderstable_pkey PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX orleansreminderstable_ring ON orleansreminderstable (serviceid, grainhash);

-- Returns the new etag in a column the provider reads by the name "version".
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', '
INSERT INTO orleansreminderstable AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
   SET starttime = excluded.starttime,
       period = excluded.period,
       grainhash = excluded.grainhash,
       version = r.version + 1
RETURNING r.version
');

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', '
SELECT grainid,
       remindername,
       starttime,
       period,
       version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
   AND remindername = @ReminderName
');

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', '
SELECT grainid,
       remindername,
       starttime,
       period,
       version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
');

-- The ring range (begin, end] when it does not wrap around in signed order.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', '
SELECT grainid,
       remindername,
       starttime,
       period,
       version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainhash > @BeginHash
   AND grainhash <= @EndHash
');

-- The ring range (begin, end] when it wraps around (begin >= end): everything above begin plus
-- everything up to end.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', '
SELECT grainid,
       remindername,
       starttime,
       period,
       version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND (grainhash > @BeginHash OR grainhash <= @EndHash)
');

-- The provider expects exactly one row with one column: 1 when the reminder was removed, 0 when it was
-- missing or its etag was stale.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', '
WITH removed AS (
    DELETE FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND grainid = @GrainId
       AND remindername = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT count(*) FROM removed
');

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', '
DELETE FROM orleansreminderstable
 WHERE serviceid = @ServiceId
');
