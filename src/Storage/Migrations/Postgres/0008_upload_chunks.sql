-- The documents sellers upload, staged as they were sent (in pieces of about a megabyte, in order) between the
-- request that receives them and the seller's pipeline that ingests them; kept afterwards as the upload's archive.

CREATE TABLE upload_chunks
(
    seller_id text    NOT NULL,
    upload_id text    NOT NULL,
    sequence  integer NOT NULL,
    content   bytea   NOT NULL,
    PRIMARY KEY (seller_id, upload_id, sequence)
);
