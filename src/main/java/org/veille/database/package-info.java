/**
 * Chooses the database: an embedded PostgreSQL for a plain {@code ./mvnw spring-boot:run}, or the configured server;
 * tells a database that cannot be reached from other failures.
 */
@NullMarked
package org.veille.database;

import org.jspecify.annotations.NullMarked;
