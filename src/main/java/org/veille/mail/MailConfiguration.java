package org.veille.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;

/**
 * How e-mails leave: over SMTP when Spring Boot made a {@link JavaMailSender} ({@code spring.mail.host}
 * set), else kept in the outbox; and, unless {@code veille.mail.enabled=false}, this instance's workers.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MailConfiguration.class);

	private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	@Bean
	MailSending mailSending(ObjectProvider<JavaMailSender> sender) {
		return new MailSending(sender.getIfAvailable() != null);
	}

	@Bean
	Delivery mailDelivery(MailSending sending, ObjectProvider<JavaMailSender> sender, OutboxProperties properties) {
		if (!sending.viaSmtp()) {
			logger.info("No SMTP server configured (spring.mail.host): e-mails are kept in the outbox, none is sent");
			return new KeptDelivery();
		}
		nameTheStreamProvider();
		return new SmtpDelivery(sender.getObject(), properties);
	}

	/**
	 * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@link java.util.ServiceLoader} scan of the class
	 * path for every MIME part it makes (jakartaee/mail-api#861): over 40% of the mail workers' CPU in the mail
	 * benchmark. Named in the system property it reads first, the provider is made by a plain class lookup. It
	 * is the one the scan finds (Angus Mail's, which the mail starter brings); an operator's own setting stays.
	 */
	private static void nameTheStreamProvider() {
		if (ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
			System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", ANGUS_STREAM_PROVIDER);
		}
	}

	@Bean
	MailWorker mailWorker(Outbox outbox, Composers composers, Delivery delivery, OutboxProperties properties) {
		return new MailWorker(outbox, composers, delivery, properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.mail.enabled", matchIfMissing = true)
	MailWorkers mailWorkers(MailWorker worker, Outbox outbox, OutboxProperties properties) {
		return new MailWorkers(worker, outbox, properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.mail.enabled", matchIfMissing = true)
	WakeWorkers wakeMailWorkers(MailWorkers workers) {
		return new WakeWorkers(workers);
	}

	/** Wakes this instance's workers once the transaction that queued e-mails has committed. */
	static class WakeWorkers {

		private final MailWorkers workers;

		WakeWorkers(MailWorkers workers) {
			this.workers = workers;
		}

		@TransactionalEventListener
		void onQueued(MailQueued event) {
			this.workers.wake();
		}

	}

}
