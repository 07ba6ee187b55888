package org.veille.link;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

import org.veille.link.fetch.PageFetcher;
import org.veille.operations.ClusterTasks;
import org.veille.outbound.OutboundClient;

/** The fetcher and, unless {@code veille.fetch.enabled=false}, this instance's pool of fetch workers. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	PageFetcher pageFetcher(FetchProperties properties, OutboundClient outboundClient) {
		return new PageFetcher(properties.settings(), outboundClient);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.fetch.enabled", matchIfMissing = true)
	FetchWorkers fetchWorkers(FetchQueue queue, PageFetcher fetcher, FetchProperties properties, ClusterTasks tasks) {
		return new FetchWorkers(new FetchWorker(queue, fetcher, properties), queue, properties, tasks);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.fetch.enabled", matchIfMissing = true)
	WakeWorkers wakeWorkers(FetchWorkers workers) {
		return new WakeWorkers(workers);
	}

	/** Wakes this instance's workers once the transaction that queued jobs has committed. */
	static class WakeWorkers {

		private final FetchWorkers workers;

		WakeWorkers(FetchWorkers workers) {
			this.workers = workers;
		}

		@TransactionalEventListener
		void onQueued(FetchesQueued event) {
			this.workers.wake();
		}

	}

}
