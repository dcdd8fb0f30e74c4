-- 0004: the run list's order (runs without dates first, then newest first)
-- as an index, so a page is read from it instead of sorting every run.
CREATE INDEX run_list_order ON run((first_date IS NOT NULL), first_date DESC, id);
