-- Projects get a short code, a reference for the client's purchase order, and a budget with an alert threshold.

ALTER TABLE projects ADD COLUMN code VARCHAR(20);

ALTER TABLE projects ADD COLUMN billing_ref VARCHAR(100);

ALTER TABLE projects ADD COLUMN budget_amount NUMERIC(10, 2);

ALTER TABLE projects ADD COLUMN budget_threshold_percent INTEGER DEFAULT 80 NOT NULL;

ALTER TABLE projects ADD CONSTRAINT uq_projects_code UNIQUE (code);

ALTER TABLE projects ADD CONSTRAINT ck_projects_budget_threshold
    CHECK (budget_threshold_percent BETWEEN 0 AND 100);
