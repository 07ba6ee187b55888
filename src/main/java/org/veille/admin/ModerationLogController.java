package org.veille.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/log}: the moderation log, newest first, a page at a time. */
@Controller
class ModerationLogController {

	private final ModerationLog log;

	ModerationLogController(ModerationLog log) {
		this.log = log;
	}

	@GetMapping("/admin/log")
	String log(@RequestParam(required = false) @Nullable Long before, Model model) {
		List<ModerationLog.Entry> entries = this.log.newest(before);
		model.addAttribute("entries", entries);
		model.addAttribute("older", (entries.size() == ModerationLog.PAGE_SIZE) ? entries.get(entries.size() - 1).id() : null);
		return "admin/log";
	}

}
