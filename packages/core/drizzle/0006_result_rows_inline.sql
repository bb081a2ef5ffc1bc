-- Screening results average about 2.5 kB (the consignment and its explanation as jsonb). Above the default
-- TOAST threshold of about 2 kB PostgreSQL compresses every row on insert (pglz); keeping rows up to a page
-- inline and uncompressed cut the database's CPU per stored result by about a fifth in
-- `npm run bench:screening-http` (ADR 0006). Rows larger than a page are still moved out of line.
ALTER TABLE "screening_results" SET (toast_tuple_target = 8160);
