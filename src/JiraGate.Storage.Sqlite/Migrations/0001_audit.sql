-- Audit log: one hash chain (seq is the chain position; no gaps) and its signed checkpoints.
-- Columns hold exactly what is hashed (see JiraGate.Governance.Audit.AuditChain); ts is fixed-width UTC text,
-- so range queries compare it as text.
CREATE TABLE audit_records (
    seq                     INTEGER PRIMARY KEY,
    ts                      TEXT    NOT NULL,
    kind                    TEXT    NOT NULL,
    agent                   TEXT    NOT NULL,
    org                     TEXT    NOT NULL,
    operation               TEXT    NOT NULL,
    risk                    TEXT,
    decision                TEXT,
    policy                  TEXT,
    approval_id             TEXT,
    parameters              TEXT    NOT NULL,
    intent_seq              INTEGER,
    outcome_status          TEXT,
    outcome_http_status     INTEGER,
    outcome_duration_ms     INTEGER,
    outcome_jira_request_id TEXT,
    outcome_error_code      TEXT,
    outcome_error_message   TEXT,
    prev_hash               TEXT    NOT NULL,
    hash                    TEXT    NOT NULL
);

CREATE INDEX ix_audit_records_agent     ON audit_records (agent, seq);
CREATE INDEX ix_audit_records_org       ON audit_records (org, seq);
CREATE INDEX ix_audit_records_operation ON audit_records (operation, seq);
CREATE INDEX ix_audit_records_decision  ON audit_records (decision, seq);
CREATE INDEX ix_audit_records_ts        ON audit_records (ts);

CREATE TABLE audit_checkpoints (
    seq        INTEGER PRIMARY KEY,
    head_hash  TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    ts         TEXT    NOT NULL,
    key_id     TEXT    NOT NULL,
    signature  TEXT    NOT NULL
);
