-- Payment tracking on invoices, and a link from time entries to the invoice that billed them.

ALTER TABLE invoices ADD COLUMN sent_at TIMESTAMP;

ALTER TABLE invoices ADD COLUMN paid_at TIMESTAMP;

ALTER TABLE invoices ADD COLUMN payment_method VARCHAR(50);

ALTER TABLE invoices ADD COLUMN payment_reference VARCHAR(100);

ALTER TABLE time_entries ADD COLUMN invoice_id INTEGER;

ALTER TABLE time_entries ADD CONSTRAINT fk_time_entries_invoice_id
    FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE SET NULL;

CREATE INDEX idx_time_entries_invoice_id ON time_entries (invoice_id);
