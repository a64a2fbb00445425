-- Orleans.Faas runtime models: every trained version, promoted or not, numbered by the store as the highest so far
-- plus one. The current model is the highest promoted version, so there is no pointer to keep in step with the rows.
-- The three metric sets are jsonb, one column each: a set is written and read whole and never filtered on, and the
-- incumbent's is NULL as a whole when there was none, where plain columns would be fifteen, five of them NULL together.
CREATE TABLE IF NOT EXISTS faas_models
(
    version           integer     NOT NULL PRIMARY KEY CHECK (version > 0),
    kind              text        NOT NULL,
    trained_at        timestamptz NOT NULL,
    training_rows     integer     NOT NULL,
    metrics           jsonb       NOT NULL,
    linear_metrics    jsonb       NOT NULL,
    incumbent_metrics jsonb       NULL,
    promoted          boolean     NOT NULL,
    bytes             bytea       NOT NULL
);

-- Every silo polls for the current version.
CREATE INDEX IF NOT EXISTS faas_models_promoted ON faas_models (version DESC) WHERE promoted;

-- Orleans.Faas execution history: the prediction a run was placed on. predicted_ms and model_version are NULL when
-- nothing was predicted, policy when the task was pinned to its provider. model_version 0 is the linear efficiency
-- model, which has no row in faas_models, so it is no foreign key.
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS predicted_ms  double precision NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS model_version integer          NULL;
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS policy        text             NULL;
