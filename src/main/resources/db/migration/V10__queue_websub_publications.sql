-- A post no longer queues one delivery per subscription itself: its transaction adds one 'publish' row
-- (when anyone subscribes), and a hub worker turns the rows due into deliveries (see websub.WebSubQueue).
-- The post then takes no lock shared with other posts, and needs no second transaction after its commit.
alter table websub_jobs drop constraint websub_jobs_kind_check;
alter table websub_jobs add constraint websub_jobs_kind_check check (kind in ('verify', 'deliver', 'publish'));
