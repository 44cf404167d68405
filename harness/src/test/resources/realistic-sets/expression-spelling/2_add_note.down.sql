-- The same table as version 1, written by another hand: other spacing, case and parentheses.
CREATE TABLE items_old (
    id INTEGER PRIMARY KEY,
    qty INTEGER,
    double_qty INTEGER GENERATED ALWAYS AS ( (QTY * 2) ) VIRTUAL,
    CHECK ( (qty >= 0) AND IIF(qty > 100, 0, 1) = 1 )
);
INSERT INTO items_old (id, qty) SELECT id, qty FROM items;
DROP TABLE items;
ALTER TABLE items_old RENAME TO items;
CREATE INDEX idx_items_qty ON items (qty) WHERE (QTY > 0);
