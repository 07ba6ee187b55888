package org.veille.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.veille.account.CurrentAccount;
import org.veille.text.XmlChars;
import org.veille.transfer.format.ImportFormatException;
import org.veille.transfer.format.ImportOptions;
import org.veille.web.NotFoundException;

/**
 * {@code /settings/import}: upload a bookmark file; a file that cannot be imported comes back on the
 * form with the reason, else its progress page follows the import.
 */
@Controller
class ImportController {

	/** Also the servlet's multipart limit (application.properties); a larger upload gets the 413 page. */
	static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

	private final ImportService imports;

	ImportController(ImportService imports) {
		this.imports = imports;
	}

	@GetMapping("/settings/import")
	String form() {
		return "transfer/import";
	}

	@PostMapping("/settings/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "EACH") String folders, @RequestParam(defaultValue = "false") boolean includePrivate,
			@RequestParam(defaultValue = "false") boolean includeReplies, @RequestParam(defaultValue = "false") boolean skipEnrichment,
			@AuthenticationPrincipal CurrentAccount me, Model model, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			return refused(model, response, HttpServletResponse.SC_BAD_REQUEST, "import.file.missing", "");
		}
		if (file.getSize() > MAX_UPLOAD_BYTES) {
			return refused(model, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "import.file.too-large",
					String.valueOf(MAX_UPLOAD_BYTES / (1024 * 1024)));
		}
		ImportOptions.FolderTags folderTags;
		try {
			folderTags = ImportOptions.FolderTags.valueOf(folders.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			folderTags = ImportOptions.FolderTags.EACH;
		}
		ImportService.Choices choices = new ImportService.Choices(
				ImportOptions.defaults().withFolderTags(folderTags).withReplies(includeReplies), includePrivate,
				!skipEnrichment);
		Path copy = Files.createTempFile("veille-import-", ".upload");
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		String given = (file.getOriginalFilename() != null) ? XmlChars.strip(file.getOriginalFilename()) : "";
		String name = given.isBlank() ? "bookmarks" : given;
		try {
			long id = this.imports.start(me.id(), shorten(name), copy, choices);
			return "redirect:/settings/import/" + id;
		}
		catch (ImportFormatException ex) {
			return refused(model, response, 422, "import.file.refused", ex.detail());
		}
		catch (ImportRefusedException ex) {
			return refused(model, response, HttpServletResponse.SC_FORBIDDEN, ex.messageKey(), "");
		}
	}

	@GetMapping("/settings/import/{id}")
	String progress(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("job", this.imports.find(me.id(), id).orElseThrow(() -> NotFoundException.page("/settings/import/" + id)));
		return "transfer/progress";
	}

	private static String refused(Model model, HttpServletResponse response, int status, String key, String detail) {
		response.setStatus(status);
		model.addAttribute("refusal", key);
		model.addAttribute("refusalDetail", detail);
		return "transfer/import";
	}

	private static String shorten(String name) {
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

}
