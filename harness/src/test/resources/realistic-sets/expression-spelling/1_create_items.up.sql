CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    qty INTEGER,
    double_qty INTEGER GENERATED ALWAYS AS (qty*2) VIRTUAL,
    CHECK (qty>=0 AND iif(qty>100,0,1)=1)
);
CREATE INDEX idx_items_qty ON items (qty) WHERE qty>0;
INSERT INTO items (id, qty) VALUES (1, 5), (2, 0);
