-- SQLite cannot add a column with a check in place: rebuild the table.
CREATE TABLE items_new (
    id INTEGER PRIMARY KEY,
    qty INTEGER,
    double_qty INTEGER GENERATED ALWAYS AS (qty*2) VIRTUAL,
    note TEXT,
    CHECK (qty>=0 AND iif(qty>100,0,1)=1)
);
INSERT INTO items_new (id, qty) SELECT id, qty FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX idx_items_qty ON items (qty) WHERE qty>0;
