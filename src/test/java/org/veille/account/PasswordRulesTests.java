package org.veille.account;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordRulesTests {

	/** Loads the estimator's dictionaries once for the whole class, as the application does. */
	private static final PasswordRules rules = new PasswordRules();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			aaaaaaaa     | signup.password.why.repeat
			abcabcabcabc | signup.password.why.repeat
			password1    | signup.password.why.common
			12345678     | signup.password.why.common
			azertyuiop   | signup.password.why.common
			qwerty123    | signup.password.why.common
			1990-01-02   | signup.password.why.date
			abcdefgh     | signup.password.why.sequence
			Passw0rd!    | signup.password.why.common
			""")
	void shouldRefuseAGuessablePasswordSayingWhy(String password, String why) {
		SignupRejectedException refused = refusal(password, "someone", "someone@example.org");

		assertThat(refused.field()).isEqualTo("password");
		assertThat(refused.messageKey()).isEqualTo("signup.password.guessable");
		assertThat(refused.arguments()).singleElement()
			.isInstanceOfSatisfying(MessageSourceResolvable.class,
					(reason) -> assertThat(reason.getCodes()).containsExactly(why));
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery", "grape lantern fjord 42", "5fa83b7e1r39xfa8",
			"ilovemycatbutnotherfleas" })
	void shouldAcceptAPasswordHardToGuess(String password) {
		assertThatCode(() -> rules.check(password, "someone", "someone@example.org")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Kestrel_42 | kestrel_42 lantern fjord  | signup.password.contains-login
			kestrel_42 | grape KESTREL_42 fjord    | signup.password.contains-login
			walrus     | grape lantern margaux.fjord | signup.password.contains-email
			""")
	void shouldRefuseAPasswordHoldingTheLoginOrTheEmailName(String login, String password, String key) {
		SignupRejectedException refused = refusal(password, login, "margaux.fjord@example.org");

		assertThat(refused.field()).isEqualTo("password");
		assertThat(refused.messageKey()).isEqualTo(key);
	}

	@Test
	void shouldNotRefuseAPasswordForHoldingALoginOfTwoLetters() {
		assertThatCode(() -> rules.check("grape lantern fjord 42", "an", "an@example.org")).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAPasswordLongerThanBcryptReads() {
		SignupRejectedException refused = refusal("é".repeat(37), "someone", "someone@example.org");

		assertThat(refused.messageKey()).isEqualTo("signup.password.size");
	}

	private static SignupRejectedException refusal(String password, String login, String email) {
		SignupRejectedException refused = catchThrowableOfType(SignupRejectedException.class,
				() -> rules.check(password, login, email));
		assertThat(refused).as("%s refused", password).isNotNull();
		assertThat(Arrays.asList(refused.arguments())).doesNotContainNull();
		return refused;
	}

}
