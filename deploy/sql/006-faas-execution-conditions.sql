-- Orleans.Faas execution history: what a predictor needs beside the cost (issue 9). The input size the work follows
-- (its byte length unless the caller declared another), whether the run was cold, how long getting its container
-- took, the CPU quota it got, and the node's running and queued tasks when it started. NULL: not known.
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS input_size       bigint           NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS cold             boolean          NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS container_ms     double precision NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS cpu_quota        double precision NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS running_at_start integer          NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS queued_at_start  integer          NULL;
