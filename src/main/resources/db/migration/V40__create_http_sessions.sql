-- Sessions in PostgreSQL (Spring Session JDBC), so that any instance serves any request. The columns are
-- those spring-session-jdbc reads and writes (its schema-postgresql.sql), under our table names
-- (spring.session.jdbc.table-name=http_sessions; the attributes' table is that name plus _attributes).
-- Times are milliseconds since the epoch, as the library writes them.
create table http_sessions (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint http_sessions_pk primary key (primary_id)
);
-- Each request finds its session by the id in its cookie.
create unique index http_sessions_session_id_idx on http_sessions (session_id);
-- Expired sessions are deleted by expiry_time, without reading the whole table.
create index http_sessions_expiry_time_idx on http_sessions (expiry_time);
-- The library looks sessions up by the person signed in (findByPrincipalName).
create index http_sessions_principal_name_idx on http_sessions (principal_name);

create table http_sessions_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint http_sessions_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_sessions_attributes_session_fk foreign key (session_primary_id)
        references http_sessions (primary_id) on delete cascade
);
