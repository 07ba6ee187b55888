/**
 * What running several instances of Veille needs: sessions in PostgreSQL, periodic work claimed once across
 * instances, request ids in the logs (docs/architecture.md, "Operations and several instances").
 */
@NullMarked
package org.veille.operations;

import org.jspecify.annotations.NullMarked;
