-- The site's settings: one row (its key can only be true). signup_mode: who may create an account.
create table site_settings (
    id boolean primary key default true,
    signup_mode text not null default 'open',
    constraint site_settings_one_row check (id),
    constraint site_settings_signup_mode_known check (signup_mode in ('open', 'invitation', 'closed'))
);
insert into site_settings default values;

-- Invitation links: only the SHA-256 of the token is kept. A use is taken by one conditional update
-- (uses_left > 0 and not expired), in the sign-up's transaction, so two sign-ups never share the last use.
create table invitations (
    id bigint generated always as identity primary key,
    token_hash bytea not null,
    created_by bigint references accounts (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    uses_left integer not null,
    uses integer not null default 0,
    constraint invitations_token_key unique (token_hash),
    constraint invitations_uses_left_check check (uses_left >= 0)
);

alter table moderation_log drop constraint moderation_log_action_known;
alter table moderation_log add constraint moderation_log_action_known check (action in
    ('suspend', 'unsuspend', 'hide-message', 'dismiss-report', 'delete-account', 'signup-mode', 'invitation'));
