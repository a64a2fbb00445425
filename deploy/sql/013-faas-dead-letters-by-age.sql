-- The retention sweep deletes dead letters past the retention across every function, oldest first.
CREATE INDEX IF NOT EXISTS faas_dead_letters_by_age ON faas_dead_letters (failed_at);
