package org.veille.mail;

/**
 * Whether e-mails leave this instance: an SMTP server is configured ({@code spring.mail.host}, so Spring Boot
 * made a {@code JavaMailSender}), or they are only kept in the outbox. Pages say what a person should expect,
 * and {@code veille.signup.verify-email} takes its default from it.
 *
 * @param viaSmtp true when e-mails are sent, false when they are only kept
 */
public record MailSending(boolean viaSmtp) {
}
