-- Downgrade of 018: removes the project_costs table with its indexes, foreign keys and all recorded costs.

DROP TABLE project_costs;
