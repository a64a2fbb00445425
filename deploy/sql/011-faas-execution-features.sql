-- Orleans.Faas execution history: the values of the function's declared features an invocation carried (issue 21),
-- as a JSON object of name to number, e.g. {"conv_layers": 53}. NULL: the invocation carried none.
ALTER TABLE faas_execution_history ADD COLUMN IF NOT EXISTS features jsonb NULL;
