-- Grain state for Orleans' ADO.NET grain storage: one row per grain and state, versioned for optimistic concurrency.
-- Orleans serializes state to bytes and sends only @PayloadBinary, so that is the one payload column kept.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer       NOT NULL,
    GrainIdN0              bigint        NOT NULL,
    GrainIdN1              bigint        NOT NULL,
    GrainTypeHash          integer       NOT NULL,
    GrainTypeString        varchar(512)  NOT NULL,
    GrainIdExtensionString varchar(512)  NULL,
    ServiceId              varchar(150)  NOT NULL,
    PayloadBinary          bytea         NULL,
    ModifiedOn             timestamp     NOT NULL,
    Version                integer       NULL
);

-- One row per grain: concurrent first writes of the same grain cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Grain ON OrleansStorage
    (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, COALESCE(GrainIdExtensionString, ''));

-- Writes a grain's state if the caller read the version now stored (NULL: no row yet) and returns the new version;
-- returns the caller's version unchanged when someone else wrote first, which Orleans reports as a conflict.
CREATE OR REPLACE FUNCTION faas_write_grain_state(
    _GrainIdHash integer, _GrainIdN0 bigint, _GrainIdN1 bigint, _GrainTypeHash integer, _GrainTypeString varchar,
    _GrainIdExtensionString varchar, _ServiceId varchar, _GrainStateVersion integer,
    _PayloadBinary bytea)
    RETURNS TABLE (NewGrainStateVersion integer)
    LANGUAGE plpgsql
AS $body$
BEGIN
    IF _GrainStateVersion IS NULL THEN
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                    GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES (_GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString,
                _GrainIdExtensionString, _ServiceId, _PayloadBinary, now() AT TIME ZONE 'utc', 1)
        ON CONFLICT DO NOTHING;
        RETURN QUERY SELECT CASE WHEN FOUND THEN 1 END;
    ELSE
        UPDATE OrleansStorage
        SET PayloadBinary = _PayloadBinary,
            ModifiedOn = now() AT TIME ZONE 'utc', Version = Version + 1
        WHERE ServiceId = _ServiceId AND GrainTypeHash = _GrainTypeHash AND GrainIdHash = _GrainIdHash
          AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1 AND GrainTypeString = _GrainTypeString
          AND GrainIdExtensionString IS NOT DISTINCT FROM _GrainIdExtensionString
          AND Version = _GrainStateVersion;
        RETURN QUERY SELECT CASE WHEN FOUND THEN _GrainStateVersion + 1 ELSE _GrainStateVersion END;
    END IF;
END
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
    SELECT NewGrainStateVersion FROM faas_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'),
('ReadFromStorageKey', '
    SELECT PayloadBinary, NULL::xml AS PayloadXml, NULL::text AS PayloadJson, now() AT TIME ZONE ''utc'' AS ReadOn, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;'),
('ClearStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, Version = Version + 1
    WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
