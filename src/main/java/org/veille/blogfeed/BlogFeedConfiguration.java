package org.veille.blogfeed;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.veille.outbound.OutboundClient;

/** The feed poller on the one outbound client and, unless {@code veille.blog-feeds.enabled=false}, its workers. */
@Configuration(proxyBeanMethods = false)
class BlogFeedConfiguration {

	@Bean
	FeedPoller feedPoller(BlogFeeds feeds, OutboundClient client, EntryPosting posting, BlogFeedProperties properties,
			Clock clock) {
		return new FeedPoller(feeds, new FeedFetch(client, properties), posting, properties, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "veille.blog-feeds.enabled", matchIfMissing = true)
	BlogFeedWorkers blogFeedWorkers(FeedPoller poller, BlogFeedProperties properties) {
		return new BlogFeedWorkers(poller, properties);
	}

}
