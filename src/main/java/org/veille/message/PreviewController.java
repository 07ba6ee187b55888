package org.veille.message;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /post/preview}: what the text being typed says, as JSON, for the script under the
 * posting forms ({@code static/js/veille.js}). The forms work without it. A text over the length
 * limit is not read: the answer is a 413 whose {@code problem} says what to do, as the form would.
 */
@RestController
class PreviewController {

	private final PreviewService previews;

	private final MessageSource messages;

	PreviewController(PreviewService previews, MessageSource messages) {
		this.previews = previews;
		this.messages = messages;
	}

	@PostMapping(path = "/post/preview", produces = MediaType.APPLICATION_JSON_VALUE)
	Preview preview(@RequestParam(defaultValue = "") String text) {
		if (text.isBlank()) {
			return new Preview(List.of(), List.of(), List.of(), null);
		}
		// Before the service's transaction: a text too long costs neither a parse nor a connection.
		return this.previews.preview(MessageLimits.checkLength(text));
	}

	@ExceptionHandler(MessageRejectedException.class)
	ResponseEntity<Preview> tooLong(MessageRejectedException ex) {
		String problem = this.messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale());
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Preview.refused(problem));
	}

}
