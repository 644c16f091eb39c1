-- Time can be booked on a task; entries booked on the project as a whole keep task_id empty.

ALTER TABLE time_entries ADD COLUMN task_id INTEGER;

ALTER TABLE time_entries ADD CONSTRAINT fk_time_entries_task_id
    FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE SET NULL;
