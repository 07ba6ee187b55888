package org.veille.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.mail.MailSending;

/**
 * Sign-up. A sign-up that is stored, and one whose address another account has, get the same answer, and
 * nobody is signed in: with e-mails sent over SMTP, "check your mailbox" (a link to confirm the address, or a
 * warning to its owner) and "you can sign in now"; without, "your account is ready: sign in", since no
 * e-mail would arrive. Either page says that a taken address made no account, to everyone alike.
 */
@Controller
class SignupController {

	private final AccountService accountService;

	private final LanguageResolver languages;

	private final MailSending sending;

	private final PostingPermission posting;

	SignupController(AccountService accountService, LanguageResolver languages, MailSending sending,
			PostingPermission posting) {
		this.accountService = accountService;
		this.languages = languages;
		this.sending = sending;
		this.posting = posting;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("signupForm", SignupForm.empty());
		return "account/signup";
	}

	@PostMapping("/signup")
	String signup(@Valid @ModelAttribute SignupForm signupForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes attributes) {
		if (result.hasErrors()) {
			return "account/signup";
		}
		try {
			this.accountService.register(signupForm, request.getRemoteAddr(),
					this.languages.resolveLocale(request).getLanguage());
		}
		catch (SignupRejectedException ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
			return "account/signup";
		}
		catch (SignupThrottledException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
			result.reject("signup.throttled", new Object[] { Waits.minutes(ex.retryAfter()) }, null);
			return "account/signup";
		}
		catch (AddressRaceException ex) {
			// answered as a sign-up, below
		}
		attributes.addFlashAttribute("address", signupForm.email().trim());
		return "redirect:/signup/sent";
	}

	@GetMapping("/signup/sent")
	String sent(Model model) {
		model.addAttribute("viaSmtp", this.sending.viaSmtp());
		model.addAttribute("verifiedOnly", this.posting.verifiedOnly());
		return "account/signup-sent";
	}

}
