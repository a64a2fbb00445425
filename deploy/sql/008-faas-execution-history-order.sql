-- Orleans.Faas execution history: the whole history is read newest first a page at a time, each page starting
-- strictly after the last row of the one before, so the index holds that total order.
CREATE INDEX IF NOT EXISTS faas_execution_history_newest ON faas_execution_history (finished_at DESC, task_id DESC, attempt DESC);
