package org.caravan.identity.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What may happen to an account: created (invited), given a password, given roles. */
@Service
public class Accounts {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 128;

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Optional<Account> bySubject(String subject) {
        return repository.bySubject(subject);
    }

    public Optional<Account> byEmail(String email) {
        return repository.byEmail(email);
    }

    /**
     * Creates the account, or brings an existing one up to date: name, e-mail and locale as given, the roles
     * joined to those it had (an invitation never takes a role away). Refuses an e-mail another subject uses.
     */
    @Transactional
    public Account createOrUpdate(String subject, String email, String name, Set<String> roles, Locale locale) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new AccountException("invalid-subject", "A subject is 1 to 200 letters, digits or ._:@-");
        }
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new AccountException("invalid-email", "Not an e-mail address: " + email);
        }
        if (name == null || name.isBlank()) {
            throw new AccountException("invalid-name", "A name is required");
        }
        Set<String> checkedRoles;
        try {
            checkedRoles = Role.checked(roles);
        } catch (IllegalArgumentException e) {
            throw new AccountException("invalid-roles", e.getMessage());
        }
        repository
                .byEmail(email)
                .filter(other -> !other.subject().equals(subject))
                .ifPresent(other -> {
                    throw new AccountException("email-taken", "Another account already uses " + email);
                });
        Optional<Account> existing = repository.bySubject(subject);
        Set<String> allRoles = new java.util.TreeSet<>(checkedRoles);
        existing.ifPresent(account -> allRoles.addAll(account.roles()));
        Account account = new Account(
                subject,
                Account.normalizeEmail(email),
                name.strip(),
                locale,
                allRoles,
                existing.map(Account::passwordHash).orElse(null),
                existing.map(Account::enabled).orElse(true),
                existing.map(Account::createdAt).orElse(clock.instant()));
        repository.save(account, clock.instant());
        return account;
    }

    /** Replaces the account's roles (an operator's decision, unlike an invitation's). */
    @Transactional
    public Account replaceRoles(String subject, Set<String> roles) {
        Account account = repository
                .bySubject(subject)
                .orElseThrow(() -> new AccountException("unknown-account", "No account " + subject));
        Set<String> checked;
        try {
            checked = Role.checked(roles);
        } catch (IllegalArgumentException e) {
            throw new AccountException("invalid-roles", e.getMessage());
        }
        repository.replaceRoles(subject, checked);
        return new Account(
                account.subject(),
                account.email(),
                account.name(),
                account.locale(),
                checked,
                account.passwordHash(),
                account.enabled(),
                account.createdAt());
    }

    /** Stores the password's hash (the framework's delegating encoder, {@code {bcrypt}...}). */
    @Transactional
    public void setPassword(String subject, String password) {
        String problem = passwordProblem(password);
        if (problem != null) {
            throw new AccountException(problem, "The password does not meet the rules");
        }
        repository.setPasswordHash(subject, passwordEncoder.encode(password), clock.instant());
    }

    /** A message key naming what is wrong with the password, or null when it is acceptable. */
    public static String passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return "password.too-short";
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return "password.too-long";
        }
        if (password.isBlank()) {
            return "password.too-short";
        }
        return null;
    }

    /** A request about accounts that cannot be carried out; {@code code} says why. */
    public static class AccountException extends RuntimeException {

        private final String code;

        public AccountException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
