package org.veille.link;

import java.time.Duration;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import org.veille.web.NotFoundException;

/**
 * Serves the thumbnails Veille made, so that pages never load images from other servers. A thumbnail never
 * changes under its id: browsers may keep it for a year without asking again.
 */
@Controller
class ThumbnailController {

	private static final CacheControl FOR_EVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final JdbcClient jdbc;

	ThumbnailController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/thumbnails/{id}")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, WebRequest request) {
		String etag = this.jdbc.sql("select sha256 from thumbnails where id = :id")
			.param("id", id)
			.query((rs, rowNum) -> "\"" + HexFormat.of().formatHex(rs.getBytes(1)) + "\"")
			.optional()
			.orElseThrow(() -> NotFoundException.thumbnail(id));
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).cacheControl(FOR_EVER).eTag(etag).build();
		}
		return this.jdbc.sql("select content_type, bytes from thumbnails where id = :id")
			.param("id", id)
			.query((rs, rowNum) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(rs.getString(1)))
				.cacheControl(FOR_EVER)
				.eTag(etag)
				.body(rs.getBytes(2)))
			.single();
	}

}
