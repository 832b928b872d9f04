package org.caravan.notification.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of every notice in Chinese and English, chosen by the recipient's locale. Times are instants in the
 * parameters (names ending in "At") and are shown in the site's time zone ({@code timeZone}), in the local way.
 */
public final class Templates {

    public record Message(String title, String body) {}

    private record Words(String zhTitle, String zhBody, String enTitle, String enBody) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final Map<NoticeKind, Words> WORDS = new EnumMap<>(NoticeKind.class);

    static {
        words(
                NoticeKind.VISIT_SCHEDULED,
                "活动已发布：{theme}",
                "{site}，{startsAt}（{timeZone}），共 {items} 个节目。",
                "Visit scheduled: {theme}",
                "{site}, {startsAt} ({timeZone}), {items} programme items.");
        words(
                NoticeKind.ASSIGNMENT_OFFERED,
                "邀请您参加：{item}",
                "{site}，{startsAt}，担任 {role}。请在 {expiresAt} 前答复。接受：{acceptLink} 婉拒：{declineLink}",
                "You are asked to serve: {item}",
                "{site}, {startsAt}, as {role}. Please answer by {expiresAt}. Accept: {acceptLink} Decline: {declineLink}");
        words(
                NoticeKind.ASSIGNMENT_PROMOTED,
                "候补转正：{item}",
                "有名额空出：{site}，{startsAt}，担任 {role}。请在 {expiresAt} 前答复。接受：{acceptLink} 婉拒：{declineLink}",
                "A place opened for you: {item}",
                "From the waitlist: {site}, {startsAt}, as {role}. Please answer by {expiresAt}. Accept: {acceptLink} Decline: {declineLink}");
        words(
                NoticeKind.ASSIGNMENT_CONFIRMED,
                "已确认：{item}",
                "感谢您！{site}，{startsAt}，担任 {role}。",
                "Confirmed: {item}",
                "Thank you! {site}, {startsAt}, as {role}.");
        words(
                NoticeKind.ASSIGNMENT_WAITLISTED,
                "已列入候补：{item}",
                "名额已满，您已列入候补；有名额时我们会通知您。{site}，{startsAt}。",
                "On the waitlist: {item}",
                "All places are taken; you are on the waitlist and will hear when one opens. {site}, {startsAt}.");
        words(
                NoticeKind.ASSIGNMENT_ENDED,
                "安排已取消：{item}",
                "{site}，{startsAt} 的安排已取消。原因：{reason}",
                "No longer needed: {item}",
                "Your place at {site}, {startsAt} has ended. Reason: {reason}");
        words(
                NoticeKind.OFFER_EXPIRING,
                "邀请即将过期：{item}",
                "{site}，{startsAt}，担任 {role}。邀请将于 {expiresAt} 过期。接受：{acceptLink} 婉拒：{declineLink}",
                "Offer about to expire: {item}",
                "{site}, {startsAt}, as {role}. The offer expires at {expiresAt}. Accept: {acceptLink} Decline: {declineLink}");
        words(
                NoticeKind.PLACE_MOVED,
                "活动时间调整：{item}",
                "{site} 的活动改为 {startsAt}（原为 {previousStartsAt}），您担任 {role}。原因：{reason}",
                "Your visit moved: {item}",
                "{site} is now on {startsAt} (was {previousStartsAt}); you serve as {role}. Reason: {reason}");
        words(
                NoticeKind.OFFER_EXPIRED,
                "邀请已过期：{item}",
                "{site}，{startsAt} 的邀请已于 {expiresAt} 过期。",
                "Offer expired: {item}",
                "The offer for {site}, {startsAt} expired at {expiresAt}.");
        words(
                NoticeKind.RECONFIRMATION_REQUESTED,
                "请重新确认：{item}",
                "活动时间已调整为 {startsAt}（原为 {previousStartsAt}），与您的另一安排冲突：{conflict}。请重新确认或退出其中一项。",
                "Please reconfirm: {item}",
                "The visit moved to {startsAt} (was {previousStartsAt}) and now clashes with another of your places: {conflict}. Reconfirm, or withdraw from one.");
        words(
                NoticeKind.REMINDER,
                "活动提醒：{item}",
                "{site}，{startsAt}，担任 {role}。期待与您相见！",
                "Reminder: {item}",
                "{site}, {startsAt}, as {role}. See you there!");
        words(
                NoticeKind.HOURS_CERTIFIED,
                "感谢您的服务：{item}",
                "您在 {site} 的志愿服务时长 {hours} 小时已认证。",
                "Thank you for serving: {item}",
                "Your {hours} hours of service at {site} are certified.");
        words(
                NoticeKind.VOLUNTEER_DECLINED,
                "志愿者婉拒：{item}",
                "{volunteer} 婉拒了 {role}（{startsAt}）。",
                "A volunteer declined: {item}",
                "{volunteer} declined {role} ({startsAt}).");
        words(
                NoticeKind.VOLUNTEER_WITHDREW,
                "志愿者退出：{item}",
                "{volunteer} 退出了 {role}（{startsAt}）。原因：{reason}",
                "A volunteer withdrew: {item}",
                "{volunteer} withdrew from {role} ({startsAt}). Reason: {reason}");
        words(
                NoticeKind.NO_SHOW,
                "未到场：{item}",
                "{volunteer} 未到场担任 {role}（{startsAt}）。",
                "No-show: {item}",
                "{volunteer} did not come as {role} ({startsAt}).");
        words(
                NoticeKind.STAFFING_GAPS,
                "人手不足：{site}",
                "{startsAt} 的活动仍缺人手：{gaps}",
                "Staffing gaps: {site}",
                "The visit on {startsAt} still lacks people: {gaps}");
        words(
                NoticeKind.DONATION_PLEDGED,
                "捐赠已登记：{donor}",
                "{donor} 为 {site} 的捐赠已登记：{items}。",
                "Pledge received: {donor}",
                "{donor}'s pledge for {site} is recorded: {items}.");
        words(
                NoticeKind.DONATION_DELIVERED,
                "捐赠已送达：{donor}",
                "已于 {deliveredAt} 送达 {site}，签收人 {receivedBy}：{items}。",
                "Donation delivered: {donor}",
                "Handed over at {site} on {deliveredAt}, signed by {receivedBy}: {items}.");
        words(
                NoticeKind.DONATION_HELD,
                "捐赠暂缓：{donor}",
                "{site} 的活动已取消，捐赠暂缓保管，待安排到其他活动。{reason}",
                "Donation on hold: {donor}",
                "The visit to {site} was cancelled; the donation waits in storage for another visit. {reason}");
    }

    private Templates() {}

    private static void words(NoticeKind kind, String zhTitle, String zhBody, String enTitle, String enBody) {
        WORDS.put(kind, new Words(zhTitle, zhBody, enTitle, enBody));
    }

    public static Message render(NoticeKind kind, Map<String, String> params, String locale) {
        Words words = WORDS.get(kind);
        boolean english = locale != null && locale.startsWith("en");
        ZoneId zone = ZoneId.of(params.getOrDefault("timeZone", "Asia/Shanghai"));
        DateTimeFormatter format = (english ? EN : ZH).withZone(zone);
        return new Message(
                fill(english ? words.enTitle() : words.zhTitle(), params, format),
                fill(english ? words.enBody() : words.zhBody(), params, format));
    }

    private static String fill(String text, Map<String, String> params, DateTimeFormatter format) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = params.getOrDefault(name, "");
            if (name.endsWith("At") && !value.isEmpty()) {
                value = format.format(Instant.parse(value));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }
}
