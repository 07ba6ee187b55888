/**
 * Alerts: what a person is told about (replies in their threads, mentions, replies by people they follow).
 */
@NullMarked
package org.veille.alert;

import org.jspecify.annotations.NullMarked;
