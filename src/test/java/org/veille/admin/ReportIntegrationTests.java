package org.veille.admin;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class ReportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@Test
	void shouldQueueAReportedMessageAndTellTheReporterOnceAnAdministratorHidesIt() throws Exception {
		String authorLogin = TestPeople.uniqueName("pusher");
		MockHttpSession author = TestPeople.signUp(this.mvc, authorLogin);
		long message = Posting.as(this.mvc, author, "Cheap pills " + authorLogin);
		MockHttpSession reporter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reporter"));
		assertThat(Posting.page(this.mvc, reporter, "/messages/" + message))
			.contains("href=\"/messages/" + message + "/report\"");
		assertThat(Posting.page(this.mvc, author, "/messages/" + message))
			.doesNotContain("href=\"/messages/" + message + "/report\"");
		assertThat(Posting.page(this.mvc, reporter, "/messages/" + message + "/report")).contains("Spam", "Cheap pills");

		MvcResult filed = report(reporter, message, "spam", "Sells pills in every tag");
		MvcResult twice = report(reporter, message, "spam", "again");

		assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/messages/" + message);
		assertThat(filed.getFlashMap().get("notice")).isEqualTo("report.filed");
		assertThat(twice.getFlashMap().get("notice")).isEqualTo("report.already");
		long report = openReportOf(message);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		String queue = Posting.page(this.mvc, admin, "/admin/reports");
		assertThat(queue).contains("id=\"report-" + report + "\"", "Sells pills in every tag", "Cheap pills " + authorLogin);

		MvcResult hidden = act(admin, report, "hide");

		assertThat(hidden.getFlashMap().get("notice")).isEqualTo("admin.reports.done.hidden");
		assertThat(this.mvc.perform(get("/messages/" + message)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(Posting.page(this.mvc, admin, "/admin/reports")).doesNotContain("id=\"report-" + report + "\"");
		assertThat(Posting.page(this.mvc, reporter, "/alerts")).contains("Your reports", "the message was hidden.",
				"Cheap pills " + authorLogin);
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("hid a message", "@" + authorLogin,
				"report #" + report);
		assertThat(act(admin, report, "dismiss").getFlashMap().get("problem"))
			.isEqualTo("admin.reports.already.hidden");
	}

	@Test
	void shouldSuspendThePersonReportedOrDismissTheReport() throws Exception {
		String troll = TestPeople.uniqueName("troll");
		TestPeople.signUp(this.mvc, troll);
		String calm = TestPeople.uniqueName("calm");
		MockHttpSession calmSession = TestPeople.signUp(this.mvc, calm);
		Posting.as(this.mvc, calmSession, "Nothing wrong here " + calm);
		MockHttpSession reporter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reporter"));
		assertThat(Posting.page(this.mvc, reporter, "/people/" + troll)).contains("href=\"/people/" + troll + "/report\"");
		MvcResult aboutTroll = this.mvc.perform(post("/people/" + troll + "/report").session(reporter).with(csrf())
			.param("reason", "abuse")).andReturn();
		MvcResult aboutCalm = this.mvc.perform(post("/people/" + calm + "/report").session(reporter).with(csrf())
			.param("reason", "other").param("note", "I do not like them")).andReturn();
		assertThat(aboutTroll.getResponse().getRedirectedUrl()).isEqualTo("/people/" + troll);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		MvcResult suspended = act(admin, openReportAbout(troll), "suspend");
		MvcResult dismissed = act(admin, openReportAbout(calm), "dismiss");

		assertThat(suspended.getFlashMap().get("notice")).isEqualTo("admin.reports.done.suspended");
		assertThat(dismissed.getFlashMap().get("notice")).isEqualTo("admin.reports.done.dismissed");
		assertThat(this.jdbc.sql("select count(*) from accounts where login = :login and suspended_at is not null")
			.param("login", troll)
			.query(Long.class)
			.single()).isEqualTo(1);
		String alerts = Posting.page(this.mvc, reporter, "/alerts");
		assertThat(alerts).contains("Your report of @" + troll + " (Abuse or harassment):", "the account was suspended.",
				"Your report of @" + calm + " (Something else):", "the administrators found nothing to do.");
		assertThat(Posting.page(this.mvc, null, "/people/" + calm)).contains("Nothing wrong here");
	}

	@Test
	void shouldRefuseAReportWithoutAReasonOrWithATooLongNoteAndKeepTheText() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long message = Posting.as(this.mvc, author, "A message to report");
		MockHttpSession reporter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reporter"));

		MvcResult noReason = report(reporter, message, null, "my careful note");
		MvcResult badReason = report(reporter, message, "boring", "my careful note");
		MvcResult tooLong = report(reporter, message, "spam", "x".repeat(1001));
		MvcResult self = report(author, message, "spam", "");

		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("Choose a reason for your report.",
				"my careful note");
		assertThat(badReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooLong.getResponse().getContentAsString()).contains("The note is too long: 1,000 characters at most.",
				"x".repeat(1001));
		assertThat(self.getFlashMap().get("problem")).isEqualTo("report.own");
		assertThat(this.jdbc.sql("select count(*) from reports where message_id = :id").param("id", message)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldAnswerNotFoundToAReportOfADeletedMessageOrAnUnknownPerson() throws Exception {
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("author"));
		long message = Posting.as(this.mvc, author, "Soon gone");
		Posting.delete(this.mvc, author, message);
		MockHttpSession reporter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reporter"));

		assertThat(report(reporter, message, "spam", "").getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/messages/" + message + "/report").session(reporter)).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(post("/people/nobody_here_at_all/report").session(reporter).with(csrf())
			.param("reason", "spam")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(post("/admin/reports/999999999").session(Admins.signIn(this.mvc, this.jdbc))
			.with(csrf()).param("action", "dismiss")).andReturn().getFlashMap().get("problem"))
			.isEqualTo("admin.reports.unknown");
	}

	@Test
	void shouldLetOneAdministratorActWhenManyActOnOneReportAtOnce() throws Exception {
		String authorLogin = TestPeople.uniqueName("raced");
		MockHttpSession author = TestPeople.signUp(this.mvc, authorLogin);
		long message = Posting.as(this.mvc, author, "Contested " + authorLogin);
		MockHttpSession reporter = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reporter"));
		report(reporter, message, "spam", "");
		long report = openReportOf(message);
		Admins.signIn(this.mvc, this.jdbc, Admins.LOGIN);
		Admins.signIn(this.mvc, this.jdbc, Admins.SECOND);
		// More clients than the pool has connections, each its own session, half of them as each administrator.
		int clients = 12;
		List<WebSession> sessions = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			WebSession session = new WebSession(this.port);
			assertThat(session.signIn((i % 2 == 0) ? Admins.LOGIN : Admins.SECOND).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/"));
			sessions.add(session);
			tokens.add(WebSession.csrfOf(session.get("/admin/reports").body()));
		}
		String[] actions = { "hide", "dismiss", "suspend" };

		CyclicBarrier start = new CyclicBarrier(clients);
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		List<Future<String>> pages = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				WebSession session = sessions.get(i);
				Map<String, String> form = Map.of("_csrf", tokens.get(i), "action", actions[i % actions.length]);
				pages.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					HttpResponse<String> answer = session.post("/admin/reports/" + report, form);
					assertThat(answer.statusCode()).isEqualTo(302);
					return session.get("/admin/reports").body();
				}));
			}
			int done = 0;
			int told = 0;
			for (Future<String> page : pages) {
				String body = page.get(120, TimeUnit.SECONDS);
				if (body.matches("(?s).*Report " + report + "(: the| is dismissed).*")) {
					done++;
				}
				if (body.contains("Report " + report + " was handled already by @veille_admin")) {
					told++;
				}
			}
			assertThat(done).isEqualTo(1);
			assertThat(told).isEqualTo(clients - 1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from moderation_log where report_id = :id").param("id", report)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private MvcResult report(MockHttpSession session, long message, String reason, String note) throws Exception {
		var request = post("/messages/" + message + "/report").session(session).with(csrf()).param("note", note);
		if (reason != null) {
			request = request.param("reason", reason);
		}
		return this.mvc.perform(request).andReturn();
	}

	private MvcResult act(MockHttpSession admin, long report, String action) throws Exception {
		return this.mvc.perform(post("/admin/reports/" + report).session(admin).with(csrf()).param("action", action))
			.andReturn();
	}

	private long openReportOf(long message) {
		return this.jdbc.sql("select id from reports where message_id = :id and status = 'open'")
			.param("id", message)
			.query(Long.class)
			.single();
	}

	private long openReportAbout(String login) {
		return this.jdbc.sql("""
				select r.id from reports r join accounts a on a.id = r.account_id
				where a.login = :login and r.status = 'open' and r.message_id is null
				""").param("login", login).query(Long.class).single();
	}

}
