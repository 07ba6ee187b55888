/**
 * Who is told what by e-mail: notifications of replies, mentions, follows and stars, queued in the
 * transaction of the event, daily or weekly digests, each person's choices and one-click unsubscribe.
 */
@NullMarked
package org.veille.notify;

import org.jspecify.annotations.NullMarked;
