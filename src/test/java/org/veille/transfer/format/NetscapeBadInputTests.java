package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.transfer.format.ImportFormatException.Problem;

class NetscapeBadInputTests {

	private static final String HEAD = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\""
			+ " CONTENT=\"text/html; charset=UTF-8\">\n<DL><p>\n";

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			`<DT><A HREF="https://example.org/a" ADD_DA`  | 4 | 43 | the file ends inside the <A> tag started at line 4, column 5; expected '>'
			`<DT><A HREF="https://exam`                   | 4 | 26 | the file ends inside the value of the HREF attribute of the <A> tag started at line 4, column 5; expected the closing "
			`<DT><A HREF='https://example.org/'>Half a ti` | 4 | 45 | the file ends inside the title of the link started at line 4 (no </A>)
			`<DT><A HREF="https://example.org/">A</A>\\n<!-- a comm` | 5 | 12 | the file ends inside a comment started at line 5, column 1; expected '-->'
			`<DT><A HREF="https://example.org/">A</A>\\n<DD>Text\\n</D` | 6 | 4 | the file ends inside the </D> tag; expected '>'
			`<DT><A HREF="https://example.org/">A</A>\\n<DD>A description cut` | 5 | 22 | the file ends before the end of the list of bookmarks opened at line 3 (no </DL>)
			`<DT><H3>Folder</H3>\\n<DL><p>\\n<DT><A HREF="https://example.org/">A</A>\\n</DL><p>\\n` | 8 | 1 | the file ends before the end of the list of bookmarks opened at line 3 (no </DL>)
			`<DT><H3>A folder na` | 4 | 20 | the file ends inside a folder name (no </H3>)
			""")
	void shouldRefuseFilesCutShortSayingWhere(String tail, long line, long column, String detail) {
		String file = HEAD + tail.replace("\\n", "\n");

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.TRUNCATED);
				assertThat(ex.detail()).isEqualTo(detail + ": it was cut short");
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.column()).isEqualTo(column);
				assertThat(ex.getMessage()).startsWith("Line " + line + ", column " + column + ": the file ends");
			});
	}

	@Test
	void shouldRefuseEveryCutOfARealFileThatDropsItsEnd() throws Exception {
		byte[] whole = Imports.bytes("firefox.html");
		String text = new String(whole, StandardCharsets.UTF_8);
		int lastList = text.lastIndexOf("</DL>");
		for (int cut = 600; cut < lastList; cut += 97) {
			byte[] head = java.util.Arrays.copyOf(whole, cut);
			assertThatExceptionOfType(ImportFormatException.class).as("cut at %d", cut)
				.isThrownBy(() -> Imports.read(head, ImportOptions.defaults()))
				.satisfies((ex) -> assertThat(ex.problem()).isIn(Problem.TRUNCATED, Problem.ENCODING));
		}
	}

	@Test
	void shouldRefuseBinaryGarbage() {
		byte[] garbage = new byte[4096];
		new Random(42).nextBytes(garbage);

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(garbage, ImportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.BINARY));
	}

	@Test
	void shouldRefuseANulCharacterFarIntoTheFile() throws Exception {
		byte[] file = afterTwoThousandLinks("<DT><A HREF=\"https://example.org/x\">Bro\u0000ken</A>\n</DL><p>\n"
			.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(file, ImportOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.BINARY);
				assertThat(ex.line()).isEqualTo(2004);
				assertThat(ex.column()).isEqualTo(40);
			});
	}

	@Test
	void shouldRefuseBytesInvalidInTheDeclaredCharsetFarIntoTheFile() throws Exception {
		byte[] file = afterTwoThousandLinks("<DT><A HREF=\"https://example.org/x\">Caf\u00e9</A>\n</DL><p>\n"
			.getBytes(StandardCharsets.ISO_8859_1));

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(file, ImportOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.ENCODING);
				assertThat(ex.detail()).startsWith("bytes that are not valid UTF-8 text");
				assertThat(ex.line()).isEqualTo(2004);
				assertThat(ex.column()).isEqualTo(40);
			});
	}

	@Test
	void shouldFailFastOnAGiantTitleWithBoundedMemory() {
		GeneratedInput input = new GeneratedInput(HEAD + "<DT><A HREF=\"https://example.org/\">", 'A', 25L << 20,
				"</A>\n</DL><p>\n");

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(input, ImportOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.TOO_LARGE);
				assertThat(ex.detail()).isEqualTo("more than 2097152 characters of text without any tag since line 4:"
						+ " no bookmark file holds a title or description that long");
			});
		assertThat(input.length()).isGreaterThan(25L << 20);
		assertThat(input.bytesRead()).isLessThan(3L << 20);
	}

	@Test
	void shouldFailFastOnATagThatNeverCloses() {
		GeneratedInput input = new GeneratedInput(HEAD + "<DT><A HREF=\"https://example.org/\" ICON=\"", 'B', 25L << 20,
				"\">Title</A>\n</DL><p>\n");

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(input, ImportOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.TOO_LARGE);
				assertThat(ex.detail()).startsWith("the <A> tag started at line 4, column 5 runs over 2097152 characters");
			});
		assertThat(input.bytesRead()).isLessThan(3L << 20);
	}

	@Test
	void shouldRefuseFoldersNestedBeyondReason() {
		String file = HEAD + "<DL><p>\n".repeat(300);

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.MALFORMED);
				assertThat(ex.detail()).isEqualTo("folders nested more than 256 deep");
			});
	}

	/** A valid file of 2,000 links (far beyond the bytes format detection looks at), then {@code end}. */
	private static byte[] afterTwoThousandLinks(byte[] end) throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(HEAD.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 2000; i++) {
			file.write(("<DT><A HREF=\"https://example.org/" + i + "\">Link " + i + "</A>\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		file.write(end);
		return file.toByteArray();
	}

}
