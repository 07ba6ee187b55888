package org.veille.federation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.veille.federation.StructuredFields.Bytes;
import org.veille.federation.StructuredFields.InnerList;
import org.veille.federation.StructuredFields.Item;
import org.veille.federation.StructuredFields.Member;
import org.veille.federation.StructuredFields.Token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredFieldsTests {

	@Test
	void readsASignatureInputAsFedifySendsIt() throws Exception {
		Map<String, Member> dictionary = StructuredFields.dictionary(
				"sig1=(\"@method\" \"@target-uri\" \"content-digest\");alg=\"rsa-v1_5-sha256\";"
						+ "keyid=\"https://peer.example/users/a#main-key\";created=1733500000");
		InnerList input = (InnerList) dictionary.get("sig1");
		assertThat(input.items()).extracting(Item::value).containsExactly("@method", "@target-uri", "content-digest");
		assertThat(input.parameters()).containsEntry("alg", "rsa-v1_5-sha256")
			.containsEntry("keyid", "https://peer.example/users/a#main-key")
			.containsEntry("created", 1733500000L);
	}

	@Test
	void serializesAnInnerListBackToTheSameText() throws Exception {
		String text = "(\"@method\" \"@authority\");created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2\";tag=\"x\"";
		InnerList list = (InnerList) StructuredFields.dictionary("sig-b21=" + text).get("sig-b21");
		assertThat(StructuredFields.serialize(list)).isEqualTo(text);
	}

	@Test
	void reSerializesWhatASenderSpelledLoosely() throws Exception {
		InnerList list = (InnerList) StructuredFields.dictionary("a=(  \"x\"   \"y\"  );b;c=?1;d=tok/en").get("a");
		assertThat(StructuredFields.serialize(list)).isEqualTo("(\"x\" \"y\");b;c;d=tok/en");
	}

	@Test
	void readsEveryKindOfBareItem() throws Exception {
		Map<String, Member> dictionary = StructuredFields.dictionary(
				"a=1, b=-42, c=1.5, d=\"q\\\"uo\\\\te\", e=tok:en, f=:aGVsbG8=:, g=?0, h, *i=?1;p=\"v\"");
		assertThat(((Item) dictionary.get("a")).value()).isEqualTo(1L);
		assertThat(((Item) dictionary.get("b")).value()).isEqualTo(-42L);
		assertThat(((Item) dictionary.get("c")).value()).isEqualTo(new BigDecimal("1.5"));
		assertThat(((Item) dictionary.get("d")).value()).isEqualTo("q\"uo\\te");
		assertThat(((Item) dictionary.get("e")).value()).isEqualTo(new Token("tok:en"));
		assertThat(((Bytes) ((Item) dictionary.get("f")).value()).value()).asString().isEqualTo("hello");
		assertThat(((Item) dictionary.get("g")).value()).isEqualTo(false);
		assertThat(((Item) dictionary.get("h")).value()).isEqualTo(true);
		assertThat(dictionary.get("*i").parameters()).containsEntry("p", "v");
		assertThat(List.copyOf(dictionary.keySet())).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "*i");
	}

	@Test
	void spacesAroundTheFieldAndTabsAroundCommasAreAllowed() throws Exception {
		assertThat(StructuredFields.dictionary("  a=1 ,\tb=2  ")).containsOnlyKeys("a", "b");
		assertThat(StructuredFields.dictionary("")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=1,", "a=1,,b=2", "A=1", "1a=2", "a=", "a=(\"x\"", "a=(\"x\"\"y\")", "a=\"unclosed",
			"a=\"bad\\escape\"", "a=\"tab\there\"", "a=:not base64:", "a=:abc", "a=?2", "a=1234567890123456",
			"a=1234567890123.5", "a=1.2345", "a=1.", "a=-", "a=1 b=2", "a=1, a=2", "a=1;p;p=2", "a=é",
			"a=(\"x\");created=1 x", "a=(\"x\")garbage" })
	void refusesWhatBreaksTheGrammar(String field) {
		assertThatThrownBy(() -> StructuredFields.dictionary(field)).isInstanceOf(StructuredFields.Malformed.class);
	}

	@Test
	void sayWhereTheFieldBreaks() {
		assertThatThrownBy(() -> StructuredFields.dictionary("sig1=(\"@method\", sig1=2"))
			.hasMessageContaining("inner list's items are separated by spaces")
			.hasMessageContaining("at character 16");
	}

}
