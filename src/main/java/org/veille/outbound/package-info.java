/**
 * Every request Veille sends to other servers (link fetcher, WebSub hub, later federation and feed import) goes
 * through one guarded HTTP client: only addresses and ports the policy allows, redirects followed and checked
 * here, one deadline and byte limits for the whole exchange.
 */
@NullMarked
package org.veille.outbound;

import org.jspecify.annotations.NullMarked;
