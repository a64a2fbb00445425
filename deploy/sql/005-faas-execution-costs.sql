-- Orleans.Faas execution history: block IO and last-level cache counters per attempt (issue 4).
-- NULL means the node could not measure the value, never that it was zero.
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS read_bytes     bigint NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS write_bytes    bigint NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS llc_references bigint NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS llc_misses     bigint NULL;
