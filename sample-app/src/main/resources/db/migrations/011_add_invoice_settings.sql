-- Settings that invoices need: who issues them and how they are numbered.

INSERT INTO settings (name, setting_value, description) VALUES
    ('company_name', 'Your Company', 'Company name printed on invoices'),
    ('company_address', '', 'Company address printed on invoices'),
    ('invoice_prefix', 'INV', 'Prefix of invoice numbers'),
    ('invoice_start_number', '1000', 'Number of the first invoice'),
    ('invoice_default_tax_rate', '21.00', 'Tax rate in percent proposed for new invoices'),
    ('invoice_payment_terms_days', '30', 'Days between the issue date and the due date of a new invoice');
