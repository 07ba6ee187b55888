/**
 * A WebSub hub (W3C Recommendation): subscribers of Veille's feeds are pushed their new content.
 */
@NullMarked
package org.veille.websub;

import org.jspecify.annotations.NullMarked;
