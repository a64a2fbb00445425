-- Orleans.Faas execution history: one row per finished attempt, what the predictor learns from.
CREATE TABLE IF NOT EXISTS faas_execution_history
(
    task_id           uuid             NOT NULL,
    attempt           integer          NOT NULL,
    function          text             NOT NULL,
    function_version  integer          NOT NULL,
    provider          text             NOT NULL,
    input_bytes       integer          NOT NULL,
    queued_at         timestamptz      NOT NULL,
    started_at        timestamptz      NOT NULL,
    finished_at       timestamptz      NOT NULL,
    wall_ms           double precision NOT NULL,
    cpu_ms            double precision NULL,
    peak_memory_bytes bigint           NULL,
    exit_code         integer          NULL,
    status            text             NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    failure_reason    text             NULL,
    PRIMARY KEY (task_id, attempt)
);

CREATE INDEX IF NOT EXISTS faas_execution_history_by_function ON faas_execution_history (function, finished_at DESC);
CREATE INDEX IF NOT EXISTS faas_execution_history_by_provider ON faas_execution_history (provider, finished_at DESC);
