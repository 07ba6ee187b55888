package org.veille.mail;

/** E-mails were queued in the current transaction: once it commits, idle workers of this instance wake up. */
record MailQueued() {
}
