-- The site's name and description, shown in every page's header, title and footer and in its feeds.
-- Limits match the admin form's; the name is never blank.
alter table site_settings
    add column name text not null default 'Veille',
    add column description text not null default '',
    add constraint site_settings_name_length check (char_length(btrim(name)) between 1 and 60),
    add constraint site_settings_description_length check (char_length(description) <= 300);

-- A change of the site's name is announced with its own payload, so each instance reloads it (and drops
-- its kept pages, as for any other change) without reading the settings on every page change.
create function announce_site_change() returns trigger
language plpgsql as $$
begin
    perform pg_notify('veille_page_changes', 'site');
    return null;
end
$$;

create trigger site_settings_announce_change after update on site_settings
    for each statement execute function announce_site_change();

alter table moderation_log drop constraint moderation_log_action_known;
alter table moderation_log add constraint moderation_log_action_known check (action in
    ('suspend', 'unsuspend', 'hide-message', 'dismiss-report', 'delete-account', 'signup-mode', 'invitation',
     'site-name'));
