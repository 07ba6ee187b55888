package org.veille.transfer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.veille.account.CurrentAccount;
import org.veille.transfer.format.ExportFormat;
import org.veille.transfer.format.ExportWriter;
import org.veille.transfer.format.ExportedMessage;
import org.veille.web.NotFoundException;
import org.veille.web.PublicUrls;

/**
 * {@code /settings/export/{format}}: all of one's messages, replies and shares as a file, written
 * as it is read (batches of {@value ExportQueries#BATCH}), never whole in memory.
 */
@Controller
class ExportController {

	private final ExportQueries queries;

	private final PublicUrls publicUrls;

	ExportController(ExportQueries queries, PublicUrls publicUrls) {
		this.queries = queries;
		this.publicUrls = publicUrls;
	}

	@GetMapping("/settings/export/{format}")
	void export(@PathVariable String format, @AuthenticationPrincipal CurrentAccount me, HttpServletResponse response)
			throws IOException {
		ExportFormat chosen = format(format);
		String site = this.publicUrls.base();
		response.setContentType(chosen.mediaType() + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"veille-" + me.login() + "-"
				+ LocalDate.now(ZoneOffset.UTC) + "." + chosen.extension() + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (ExportWriter writer = chosen.open(out, site)) {
			long afterId = 0;
			List<ExportedMessage> batch;
			do {
				batch = this.queries.written(me.id(), afterId);
				for (ExportedMessage message : batch) {
					writer.write(message);
					afterId = message.id();
				}
			}
			while (batch.size() == ExportQueries.BATCH);
			@Nullable Instant afterStar = null;
			long afterThread = 0;
			do {
				batch = this.queries.shared(me.id(), afterStar, afterThread);
				for (ExportedMessage message : batch) {
					writer.write(message);
					afterStar = message.publishedAt();
					afterThread = message.id();
				}
			}
			while (batch.size() == ExportQueries.BATCH);
		}
		out.flush();
	}

	private static ExportFormat format(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "html", "netscape" -> ExportFormat.NETSCAPE_HTML;
			case "json" -> ExportFormat.JSON;
			case "xml", "seenthis" -> ExportFormat.SEENTHIS_XML;
			default -> throw NotFoundException.page("/settings/export/" + name);
		};
	}

}
