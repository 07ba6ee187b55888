-- Login suggestions while typing an @mention read a bounded range of this index (prefix, 8 rows).
create index accounts_login_prefix_idx on accounts (lower(login) text_pattern_ops);
