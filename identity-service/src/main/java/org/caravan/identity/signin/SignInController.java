package org.caravan.identity.signin;

import java.security.Principal;
import org.caravan.identity.account.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security's /login) and the page shown after a direct sign-in. */
@Controller
class SignInController {

    private final Accounts accounts;

    SignInController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) Long minutes,
            @RequestParam(name = "password", required = false) String passwordOutcome,
            Model model) {
        if (error != null) {
            model.addAttribute(
                    "error",
                    switch (error) {
                        case "locked" -> "signin.locked";
                        case "disabled" -> "signin.disabled";
                        default -> "signin.wrong";
                    });
            model.addAttribute("minutes", minutes == null ? 15 : minutes);
        }
        if ("set".equals(passwordOutcome)) {
            model.addAttribute("notice", "signin.password-set");
        }
        return "login";
    }

    @GetMapping("/")
    String signedIn(Principal principal, Model model) {
        model.addAttribute("subject", principal.getName());
        accounts.bySubject(principal.getName()).ifPresent(account -> model.addAttribute("account", account));
        return "home";
    }
}
