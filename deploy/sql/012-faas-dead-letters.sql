-- Orleans.Faas dead letters: tasks that ended FAILED after their function's retry policy, one row each under the
-- task's id, with the input a replay runs again and every run (attempt, provider, times, status, exit code, reason,
-- error, retryAt) as jsonb, read and written whole. Kept until replayed or deleted, or dropped, oldest first, past
-- the retention and the count per function (Faas:DeadLetters).
CREATE TABLE IF NOT EXISTS faas_dead_letters
(
    function         text        NOT NULL,
    id               uuid        NOT NULL,
    function_version integer     NOT NULL,
    failed_at        timestamptz NOT NULL,
    failure_reason   text        NULL,
    error            text        NULL,
    input            bytea       NOT NULL,
    runs             jsonb       NOT NULL,
    batch_id         uuid        NULL,
    batch_index      integer     NULL,
    PRIMARY KEY (function, id)
);

-- Pages and the count bound read a function's letters newest first.
CREATE INDEX IF NOT EXISTS faas_dead_letters_order ON faas_dead_letters (function, failed_at DESC, id DESC);
