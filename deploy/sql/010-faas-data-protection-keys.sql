-- Orleans.Faas Data Protection key ring: the keys secrets are encrypted with, one XML element per row as ASP.NET Core
-- Data Protection writes them, read by every silo so a secret stored through one decrypts on any other. Rows are only
-- added (a revocation is an element of its own); Data Protection itself retires expired keys.
CREATE TABLE IF NOT EXISTS faas_data_protection_keys
(
    friendly_name text        NOT NULL PRIMARY KEY,
    xml           text        NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
