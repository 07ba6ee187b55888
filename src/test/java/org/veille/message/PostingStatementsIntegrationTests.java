package org.veille.message;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a post costs the database (issue 11): each statement is a round trip made while the post's
 * transaction holds its connection and its locks, so a burst of posts goes as fast as their number allows.
 */
@IntegrationTest
class PostingStatementsIntegrationTests {

	/**
	 * Whether the person may post (a confirmed address, issue 13), the person's lock, the spam limits' counters (one statement for the minute and the hour), the same-text
	 * check, the message, tags, message and thread tags (2), site paths, link, fetch job, message links, site
	 * threads, the stream's reasons (one statement for all), the search document, the person's feed date, the
	 * e-mails it causes (one statement for all their recipients), the WebSub publication, the ActivityPub event
	 * (one statement, a row only when someone elsewhere follows the author or a tag: issue 17), the page cache's
	 * fence (issue 16: the redirect waits until this instance dropped the pages the post changes), and at the
	 * commit the rows others share (database.WritesAtCommit: spellings, tags' counters, site paths' counters,
	 * the host's fetch slot; two statements more than when they were written on the way, each row locked only
	 * while the post commits).
	 */
	private static final int STATEMENTS_PER_POST = 23;

	/**
	 * What any signed-in request costs: the session, read from PostgreSQL once, and the account's credentials
	 * stamp and suspension, read once ({@code account.CredentialsStampFilter}).
	 */
	private static final int SIGNED_IN_REQUEST = 2;

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldStoreAPostWithTagsAndALinkInABoundedNumberOfStatements() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("costly"));
		Posting.as(this.mvc, me, "First\nhttps://cost.example.org/a #cost #cost/post");

		QueryCounting.reset();
		Posting.as(this.mvc, me, "Second\nhttps://cost.example.org/b #cost #cost/post");

		assertThat(QueryCounting.statements()).isLessThanOrEqualTo(STATEMENTS_PER_POST + SIGNED_IN_REQUEST);
	}

}
