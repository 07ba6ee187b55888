-- The address an account was made from, for administrators looking for the accounts of one spammer
-- (/admin/people searches it by its start: an address, or a network's first digits). Accounts made
-- before this migration have none.
alter table accounts add column signup_address text;
-- Prefix matches of /admin/people.
create index accounts_signup_address_idx on accounts (signup_address text_pattern_ops)
    where signup_address is not null;
