/**
 * Reports: a signed-in person reports a message or a person to the administrators, with a reason, and
 * is told the outcome on their alerts page.
 */
@NullMarked
package org.veille.report;

import org.jspecify.annotations.NullMarked;
