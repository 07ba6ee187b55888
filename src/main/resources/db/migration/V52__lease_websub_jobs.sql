-- A WebSub job stays in the queue while a worker sends it, reserved until claimed_until; it leaves when done.
-- An instance that dies while sending no longer loses the job: it is due again once the reservation ends.
alter table websub_jobs add column claimed_until timestamptz;

-- One delivery waiting per subscription, as before; one being sent may exist beside it, for a post that came
-- while it was sent.
drop index websub_jobs_delivery_key;
create unique index websub_jobs_delivery_key on websub_jobs (subscription_id)
    where kind = 'deliver' and claimed_until is null;
