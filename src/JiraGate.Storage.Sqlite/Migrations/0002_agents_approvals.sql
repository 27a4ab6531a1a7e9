-- Agents, approvers, their hashed API keys (SHA-256 of the whole key; the key itself is never stored), and approvals.
-- Times are Unix milliseconds (UTC) so expiry checks are plain integer comparisons inside the conditional updates.
CREATE TABLE IF NOT EXISTS agents (
    id            TEXT    NOT NULL PRIMARY KEY,
    org_id        TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    owner         TEXT    NOT NULL,
    policies      TEXT    NOT NULL,          -- JSON array of policy names
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS agents_org ON agents (org_id, id);

CREATE TABLE IF NOT EXISTS agent_keys (
    key_id        TEXT    NOT NULL PRIMARY KEY,
    holder_id     TEXT    NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    hash          BLOB    NOT NULL CHECK (length(hash) = 32),   -- SHA-256 of the key; never the key
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER,
    revoked_at    INTEGER
);
CREATE INDEX IF NOT EXISTS agent_keys_holder ON agent_keys (holder_id);

CREATE TABLE IF NOT EXISTS approvers (
    id            TEXT    NOT NULL PRIMARY KEY,
    org_id        TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    email         TEXT,
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS approvers_org ON approvers (org_id, id);

CREATE TABLE IF NOT EXISTS approver_keys (
    key_id        TEXT    NOT NULL PRIMARY KEY,
    holder_id     TEXT    NOT NULL REFERENCES approvers (id) ON DELETE CASCADE,
    hash          BLOB    NOT NULL CHECK (length(hash) = 32),
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER,
    revoked_at    INTEGER
);
CREATE INDEX IF NOT EXISTS approver_keys_holder ON approver_keys (holder_id);

CREATE TABLE IF NOT EXISTS approvals (
    id                    TEXT    NOT NULL PRIMARY KEY,   -- the execution's idempotency key
    agent_id              TEXT    NOT NULL,
    org_id                TEXT    NOT NULL,
    agent_owner           TEXT,
    operation             TEXT    NOT NULL,
    policy                TEXT,
    channel               TEXT,
    risk                  TEXT    NOT NULL,
    automatic             INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    arguments_json        TEXT    NOT NULL,               -- canonical JSON, executed as is
    arguments_sha256      TEXT    NOT NULL,
    state                 TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'expired', 'executing', 'executed', 'failed')),
    created_at            INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    decided_by            TEXT,
    decided_at            INTEGER,
    decision_comment      TEXT,
    executed_by           TEXT,
    execution_started_at  INTEGER,
    completed_at          INTEGER,
    result_json           TEXT,
    error                 TEXT
);
CREATE INDEX IF NOT EXISTS approvals_agent ON approvals (agent_id, operation, arguments_sha256);
CREATE INDEX IF NOT EXISTS approvals_org_created ON approvals (org_id, created_at);
CREATE INDEX IF NOT EXISTS approvals_open ON approvals (expires_at) WHERE state IN ('pending', 'approved');
