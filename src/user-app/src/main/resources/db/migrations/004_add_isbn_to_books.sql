ALTER TABLE books ADD COLUMN isbn VARCHAR(20);

UPDATE books SET isbn = '978-0-553-38304-2' WHERE title = 'A Wizard of Earthsea';
