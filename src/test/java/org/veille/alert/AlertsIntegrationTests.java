package org.veille.alert;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts page: the latest replies to my messages, mentions of me and replies by people I follow,
 * newest first, never my own messages and nothing from people I block.
 */
@IntegrationTest
class AlertsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void shouldShowRepliesToMyThreadsMentionsOfMeAndRepliesOfPeopleIFollow() throws Exception {
		String mine = TestPeople.uniqueName("alerted");
		String followeeLogin = TestPeople.uniqueName("followee");
		String blockedLogin = TestPeople.uniqueName("blocked");
		MockHttpSession me = TestPeople.signUp(this.mvc, mine);
		MockHttpSession followee = TestPeople.signUp(this.mvc, followeeLogin);
		MockHttpSession stranger = TestPeople.signUp(this.mvc, TestPeople.uniqueName("stranger"));
		MockHttpSession blocked = TestPeople.signUp(this.mvc, blockedLogin);
		Social.follow(this.mvc, me, followeeLogin);
		long myThread = Posting.as(this.mvc, me, "Mon fil");
		long elsewhere = Posting.as(this.mvc, stranger, "Un fil ailleurs");
		long joined = Posting.as(this.mvc, stranger, "Un fil où j’ai répondu");
		Posting.reply(this.mvc, me, joined, "Ma participation");
		long quiet = Posting.as(this.mvc, stranger, "Un fil sans moi");

		long replyToMe = Posting.reply(this.mvc, stranger, myThread, "Réponse à ton fil");
		long mention = Posting.as(this.mvc, stranger, "Tu as vu, @" + mine + " ?");
		long mentionInReply = Posting.reply(this.mvc, stranger, elsewhere, "Cc @" + mine);
		long followeeReply = Posting.reply(this.mvc, followee, quiet, "Je passe par là");
		long afterMine = Posting.reply(this.mvc, stranger, joined, "Suite de la discussion");
		Posting.reply(this.mvc, me, myThread, "Ma propre réponse");
		long blockedReply = Posting.reply(this.mvc, blocked, myThread, "Je suis bloqué");
		long blockedMention = Posting.as(this.mvc, blocked, "Coucou @" + mine);
		Social.block(this.mvc, me, blockedLogin);

		String page = Posting.page(this.mvc, me, "/alerts");

		assertThat(Posting.cardIds(page)).containsExactly(afterMine, followeeReply, mentionInReply, mention, replyToMe);
		assertThat(Posting.cardIds(page)).doesNotContain(blockedReply, blockedMention);
		assertThat(page).contains("You are mentioned in:").contains("A reply by someone you follow in:")
			.contains("A reply in a thread you took part in:");
	}

	@Test
	void shouldSayWhenThereIsNothingYet() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("lonely"));

		assertThat(Posting.page(this.mvc, me, "/alerts")).contains("Nothing yet");
	}

}
