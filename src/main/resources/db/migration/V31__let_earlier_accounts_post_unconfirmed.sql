-- With veille.signup.verify-email, a person waits for the confirmation of their address before posting.
-- Accounts made before e-mail existed (V30) were never sent a link: upgrading must not stop them posting,
-- so the rule applies only to accounts whose must_confirm is set, which sign-ups do from now on
-- (account.Account.register). An unconfirmed address still gets no notification, whoever owns it.
alter table accounts add column must_confirm boolean not null default false;
