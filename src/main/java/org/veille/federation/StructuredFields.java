package org.veille.federation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries of RFC 8941 (Structured Field Values), as far as HTTP signatures use them: {@code Signature-Input}
 * and {@code Signature} of RFC 9421 and {@code Content-Digest} of RFC 9530. Parsed strictly, by the algorithms of
 * RFC 8941 section 4.2, with one deliberate difference: a key named twice in a dictionary or in a parameter list is
 * refused, where RFC 8941 keeps the last. Two signatures under one label are an ambiguity an attacker would use.
 * No Java library on Maven Central does this today (the greenbytes parser released there predates the RFC).
 */
final class StructuredFields {

	private StructuredFields() {
	}

	/** The field breaks the grammar: answered 401, never a 500. */
	static final class Malformed extends Exception {

		private static final long serialVersionUID = 1L;

		Malformed(String message, int at) {
			super(message + " (at character " + (at + 1) + ")");
		}

	}

	/** A token, kept apart from a string: both are text, serialized differently. */
	record Token(String value) {
	}

	/** A byte sequence ({@code :base64:}). */
	record Bytes(byte[] value) {
	}

	/** A dictionary member: an item or an inner list, with parameters. */
	sealed interface Member permits Item, InnerList {

		Map<String, Object> parameters();

	}

	/** A bare value (String, {@link Token}, Long, BigDecimal, Boolean or {@link Bytes}) with parameters. */
	record Item(Object value, Map<String, Object> parameters) implements Member {
	}

	record InnerList(List<Item> items, Map<String, Object> parameters) implements Member {
	}

	/** The members in their order; every key once. */
	static Map<String, Member> dictionary(String field) throws Malformed {
		Parser parser = new Parser(field);
		Map<String, Member> members = parser.dictionary();
		return Collections.unmodifiableMap(members);
	}

	/** RFC 8941 section 4.1.1.1: what {@code @signature-params} holds in a signature base. */
	static String serialize(InnerList list) {
		StringBuilder out = new StringBuilder("(");
		for (int i = 0; i < list.items().size(); i++) {
			if (i > 0) {
				out.append(' ');
			}
			Item item = list.items().get(i);
			out.append(bare(item.value()));
			parameters(out, item.parameters());
		}
		out.append(')');
		parameters(out, list.parameters());
		return out.toString();
	}

	private static void parameters(StringBuilder out, Map<String, Object> parameters) {
		parameters.forEach((key, value) -> {
			out.append(';').append(key);
			if (!Boolean.TRUE.equals(value)) {
				out.append('=').append(bare(value));
			}
		});
	}

	private static String bare(Object value) {
		if (value instanceof String text) {
			return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}
		if (value instanceof Token token) {
			return token.value();
		}
		if (value instanceof Bytes bytes) {
			return ':' + Base64.getEncoder().encodeToString(bytes.value()) + ':';
		}
		if (value instanceof Boolean bool) {
			return bool ? "?1" : "?0";
		}
		if (value instanceof BigDecimal decimal) {
			String plain = decimal.setScale(Math.min(3, Math.max(1, decimal.scale())), RoundingMode.HALF_EVEN)
				.stripTrailingZeros()
				.toPlainString();
			return plain.contains(".") ? plain : plain + ".0";
		}
		return value.toString();
	}

	/** One pass over the field, by RFC 8941 section 4.2's steps. */
	private static final class Parser {

		private final String input;

		private int at;

		private final int end;

		Parser(String field) {
			int start = 0;
			int stop = field.length();
			while (start < stop && field.charAt(start) == ' ') {
				start++;
			}
			while (stop > start && field.charAt(stop - 1) == ' ') {
				stop--;
			}
			this.input = field;
			this.at = start;
			this.end = stop;
		}

		Map<String, Member> dictionary() throws Malformed {
			Map<String, Member> members = new LinkedHashMap<>();
			while (this.at < this.end) {
				int keyAt = this.at;
				String key = key();
				Member member;
				if (peek() == '=') {
					this.at++;
					member = (peek() == '(') ? innerList() : item();
				}
				else {
					member = new Item(Boolean.TRUE, parameters());
				}
				if (members.put(key, member) != null) {
					throw new Malformed("the key " + key + " is there twice", keyAt);
				}
				skipOptionalWhitespace();
				if (this.at >= this.end) {
					return members;
				}
				expect(',');
				skipOptionalWhitespace();
				if (this.at >= this.end) {
					throw new Malformed("a comma ends the field", this.at);
				}
			}
			return members;
		}

		private InnerList innerList() throws Malformed {
			expect('(');
			List<Item> items = new ArrayList<>();
			while (this.at < this.end) {
				while (peek() == ' ') {
					this.at++;
				}
				if (peek() == ')') {
					this.at++;
					return new InnerList(List.copyOf(items), parameters());
				}
				items.add(item());
				char next = peek();
				if (next != ' ' && next != ')') {
					throw new Malformed("an inner list's items are separated by spaces", this.at);
				}
			}
			throw new Malformed("an inner list is not closed", this.at);
		}

		private Item item() throws Malformed {
			Object value = bareItem();
			return new Item(value, parameters());
		}

		private Map<String, Object> parameters() throws Malformed {
			Map<String, Object> parameters = new LinkedHashMap<>();
			while (peek() == ';') {
				this.at++;
				while (peek() == ' ') {
					this.at++;
				}
				int keyAt = this.at;
				String key = key();
				Object value = Boolean.TRUE;
				if (peek() == '=') {
					this.at++;
					value = bareItem();
				}
				if (parameters.put(key, value) != null) {
					throw new Malformed("the parameter " + key + " is there twice", keyAt);
				}
			}
			return Collections.unmodifiableMap(parameters);
		}

		private String key() throws Malformed {
			char first = peek();
			if (!(isLowerAlpha(first) || first == '*')) {
				throw new Malformed("a key starts with a lower-case letter or *", this.at);
			}
			int start = this.at;
			while (this.at < this.end) {
				char c = this.input.charAt(this.at);
				if (!(isLowerAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*')) {
					break;
				}
				this.at++;
			}
			return this.input.substring(start, this.at);
		}

		private Object bareItem() throws Malformed {
			char c = peek();
			if (c == '-' || isDigit(c)) {
				return number();
			}
			if (c == '"') {
				return string();
			}
			if (c == '*' || isAlpha(c)) {
				return token();
			}
			if (c == ':') {
				return bytes();
			}
			if (c == '?') {
				return bool();
			}
			throw new Malformed("no value starts with " + describe(c), this.at);
		}

		private Object number() throws Malformed {
			int start = this.at;
			if (peek() == '-') {
				this.at++;
			}
			if (!isDigit(peek())) {
				throw new Malformed("a number needs a digit", this.at);
			}
			int digitsStart = this.at;
			boolean decimal = false;
			int dot = -1;
			while (this.at < this.end) {
				char c = this.input.charAt(this.at);
				if (isDigit(c)) {
					this.at++;
				}
				else if (c == '.' && !decimal) {
					if (this.at - digitsStart > 12) {
						throw new Malformed("a decimal has 12 digits at most before its point", this.at);
					}
					decimal = true;
					dot = this.at;
					this.at++;
				}
				else {
					break;
				}
				if (!decimal && this.at - digitsStart > 15) {
					throw new Malformed("an integer has 15 digits at most", this.at);
				}
				if (decimal && this.at - digitsStart > 16) {
					throw new Malformed("a decimal has 16 characters at most", this.at);
				}
			}
			String text = this.input.substring(start, this.at);
			if (!decimal) {
				return Long.parseLong(text);
			}
			int fraction = this.at - dot - 1;
			if (fraction < 1 || fraction > 3) {
				throw new Malformed("a decimal has 1 to 3 digits after its point", dot);
			}
			return new BigDecimal(text);
		}

		private String string() throws Malformed {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (this.at < this.end) {
				char c = this.input.charAt(this.at++);
				if (c == '\\') {
					char escaped = peek();
					if (escaped != '"' && escaped != '\\') {
						throw new Malformed("a string escapes only \" and \\", this.at);
					}
					out.append(escaped);
					this.at++;
				}
				else if (c == '"') {
					return out.toString();
				}
				else if (c < 0x20 || c > 0x7e) {
					throw new Malformed("a string holds printable ASCII only", this.at - 1);
				}
				else {
					out.append(c);
				}
			}
			throw new Malformed("a string is not closed", this.at);
		}

		private Token token() {
			int start = this.at;
			this.at++;
			while (this.at < this.end && (isTokenChar(this.input.charAt(this.at)) || this.input.charAt(this.at) == ':'
					|| this.input.charAt(this.at) == '/')) {
				this.at++;
			}
			return new Token(this.input.substring(start, this.at));
		}

		private Bytes bytes() throws Malformed {
			expect(':');
			int start = this.at;
			while (this.at < this.end && this.input.charAt(this.at) != ':') {
				char c = this.input.charAt(this.at);
				if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
					throw new Malformed("a byte sequence holds base64 only", this.at);
				}
				this.at++;
			}
			if (this.at >= this.end) {
				throw new Malformed("a byte sequence is not closed", this.at);
			}
			String encoded = this.input.substring(start, this.at);
			this.at++;
			try {
				return new Bytes(Base64.getDecoder().decode(encoded));
			}
			catch (IllegalArgumentException ex) {
				throw new Malformed("a byte sequence is not base64", start);
			}
		}

		private Boolean bool() throws Malformed {
			expect('?');
			char c = peek();
			if (c != '0' && c != '1') {
				throw new Malformed("a boolean is ?0 or ?1", this.at);
			}
			this.at++;
			return c == '1';
		}

		private void skipOptionalWhitespace() {
			while (this.at < this.end && (this.input.charAt(this.at) == ' ' || this.input.charAt(this.at) == '\t')) {
				this.at++;
			}
		}

		private void expect(char wanted) throws Malformed {
			if (peek() != wanted) {
				throw new Malformed("expected " + wanted + ", found " + describe(peek()), this.at);
			}
			this.at++;
		}

		/** The next character, or NUL at the end (which no rule accepts). */
		private char peek() {
			return (this.at < this.end) ? this.input.charAt(this.at) : '\0';
		}

		private static String describe(char c) {
			return (c == '\0') ? "the end" : (c >= 0x20 && c < 0x7f) ? String.valueOf(c) : String.format("U+%04X", (int) c);
		}

		private static boolean isLowerAlpha(char c) {
			return c >= 'a' && c <= 'z';
		}

		private static boolean isAlpha(char c) {
			return isLowerAlpha(c) || (c >= 'A' && c <= 'Z');
		}

		private static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

		/** RFC 9110's tchar. */
		private static boolean isTokenChar(char c) {
			return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
		}

	}

}
