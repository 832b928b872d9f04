package org.caravan.identity.password;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.caravan.identity.account.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the e-mailed links: choose a password (invitation or reset), and ask for a reset. Opening a
 * link only shows the form; the link is used up when the form is sent with an acceptable password.
 */
@Controller
class PasswordController {

    private final PasswordChoice choice;

    PasswordController(PasswordChoice choice) {
        this.choice = choice;
    }

    @GetMapping("/password/new")
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<PasswordChoice.LinkView> link = choice.inspect(token);
        if (link.isEmpty() || link.get().account() == null) {
            return unusable("link.unknown", HttpStatus.NOT_FOUND, model, response);
        }
        return switch (link.get().status()) {
            case USED -> unusable("link.used", HttpStatus.GONE, model, response);
            case EXPIRED -> unusable("link.expired", HttpStatus.GONE, model, response);
            case USABLE -> showForm(token, link.get(), model);
        };
    }

    @PostMapping("/password/new")
    String choose(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation,
            Model model,
            HttpServletResponse response) {
        Optional<PasswordChoice.LinkView> link = choice.inspect(token);
        if (link.isEmpty() || link.get().account() == null) {
            return unusable("link.unknown", HttpStatus.NOT_FOUND, model, response);
        }
        if (link.get().status() != OneTimeLink.Status.USABLE) {
            return unusable(
                    link.get().status() == OneTimeLink.Status.USED ? "link.used" : "link.expired",
                    HttpStatus.GONE,
                    model,
                    response);
        }
        String problem = Accounts.passwordProblem(password);
        if (problem == null && !Objects.equals(password, confirmation)) {
            problem = "password.mismatch";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem);
            return showForm(token, link.get(), model);
        }
        OneTimeLink.Status before = choice.choose(token, password).orElse(OneTimeLink.Status.USED);
        if (before != OneTimeLink.Status.USABLE) {
            // Used by a simultaneous request, or expired, since it was looked at above.
            return unusable(
                    before == OneTimeLink.Status.USED ? "link.used" : "link.expired", HttpStatus.GONE, model, response);
        }
        return "redirect:/login?password=set";
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "password-forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(required = false) String email, Locale locale, Model model) {
        if (email != null && !email.isBlank()) {
            choice.forgotten(email, locale);
        }
        model.addAttribute("email", email);
        return "password-forgot-sent";
    }

    private static String showForm(String token, PasswordChoice.LinkView link, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", link.purpose() == OneTimeLink.Purpose.INVITATION);
        model.addAttribute("account", link.account());
        model.addAttribute("minLength", Accounts.MIN_PASSWORD_LENGTH);
        return "password-new";
    }

    private static String unusable(String reason, HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("reason", reason);
        return "link-unusable";
    }
}
