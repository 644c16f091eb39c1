-- Indexes for the reports and dashboards: time per user and per project over a period, open tasks, unpaid invoices.

CREATE INDEX idx_time_entries_user_start ON time_entries (user_id, start_time);

CREATE INDEX idx_time_entries_project_start ON time_entries (project_id, start_time);

CREATE INDEX idx_tasks_project_status ON tasks (project_id, status);

CREATE INDEX idx_invoices_status_due ON invoices (status, due_date);
