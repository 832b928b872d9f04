package org.caravan.endtoend;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do the way a person does it: sign in, fill in a form by its labels, look at the page. */
final class InTheBrowser {

    private InTheBrowser() {}

    /** Opens the e-mailed invitation, chooses the password, then signs in at the gateway's sign-in page. */
    static void choosePasswordAndSignIn(
            SignedInCaravan caravan, WebDriver browser, WebDriverWait wait, SignedInCaravan.Person person) {
        browser.get(caravan.invitationLinkFor(person.email()));
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.id("confirmation")).sendKeys(person.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(caravan, browser, wait, person);
    }

    /** Signs in at the gateway's sign-in page with the password the person chose before. */
    static void signIn(SignedInCaravan caravan, WebDriver browser, WebDriverWait wait, SignedInCaravan.Person person) {
        browser.get(caravan.gateway() + "/");
        wait.until(ExpectedConditions.urlContains(caravan.issuer() + "/login"));
        browser.findElement(By.id("email")).sendKeys(person.email());
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(caravan.gateway()));
    }

    /** The control a visible label names, inside a form. */
    static WebElement control(WebElement form, String label) {
        return form.findElement(
                By.xpath(".//*[(self::input or self::select or self::textarea) and @id=//label[normalize-space()='"
                        + label + "']/@for]"));
    }

    /** The form control a visible label names, anywhere on the page. */
    static By labelled(String label) {
        return By.xpath("//input[@id=//label[normalize-space()='" + label + "']/@for]");
    }

    /** The button whose visible text or accessible name is the given words. */
    static By button(String words) {
        return By.xpath("//button[normalize-space()='" + words + "' or @aria-label='" + words + "']");
    }

    /**
     * Date and time inputs read typed keys in the browser's locale order; the value is set as a person's picker
     * sets it, through the element's own setter and an input event, so that React sees the change.
     */
    static void type(WebDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                                + " setter.call(arguments[0], arguments[1]);"
                                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                        input,
                        value);
    }

    /** How many pixels the page is wider than the window (0 or less: it fits). */
    static long widthOverflow(WebDriver browser) {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        return ((Number) overflow).longValue();
    }

    /** The status the gateway answers the page's own request for the path with, in this person's session. */
    static long statusOfFetch(WebDriver browser, String path) {
        Object status = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })"
                                + ".then(answer => done(answer.status), failure => done(-1));",
                        path);
        return ((Number) status).longValue();
    }

    /** The words of the navigation's links: the screens the signed-in person is offered. */
    static List<String> navigation(WebDriver browser) {
        return browser.findElements(By.cssSelector("nav a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Whether the page was loaded again since the marker was set (a reload clears the window's properties). */
    static void markThePage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.caravanTestMarker = true;");
    }

    static boolean stillTheSamePage(WebDriver browser) {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.caravanTestMarker === true;"));
    }
}
