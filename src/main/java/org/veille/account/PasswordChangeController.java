package org.veille.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.web.Notices;

/** {@code /settings/password}: a new password, the current one required; other sessions end. */
@Controller
class PasswordChangeController {

	private final PasswordChange change;

	private final SessionSignIn sessions;

	PasswordChangeController(PasswordChange change, SessionSignIn sessions) {
		this.change = change;
		this.sessions = sessions;
	}

	@GetMapping("/settings/password")
	String form() {
		return "account/password";
	}

	@PostMapping("/settings/password")
	String save(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes attributes) {
		try {
			CurrentAccount renewed = this.change.change(me, current, password);
			this.sessions.signIn(renewed, request, response);
		}
		catch (SignupRejectedException ex) {
			model.addAttribute("problemField", ex.field());
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.arguments());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "account/password";
		}
		Notices.notice(attributes, "password.changed");
		return "redirect:/settings";
	}

}
