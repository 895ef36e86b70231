package fr.espacesante.local.support;

import fr.espacesante.local.LocalStack;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;

/** What campaign tests share: moving to a working morning, and reading codes from mails and letters. */
public final class Campaigns {

    public static final Pattern CODE = Pattern.compile("[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Campaigns() {
    }

    /** Moves the service clock to 09:00 (Paris) of the next Monday-to-Friday that is not a holiday. */
    public static LocalDate moveToNextWorkingMorning(LocalStack stack) {
        Instant now = Instant.now().plus(stack.clockOffset());
        ZonedDateTime target = now.atZone(PARIS).toLocalDate().plusDays(1).atTime(9, 0).atZone(PARIS);
        while (!fr.espacesante.domain.campaign.WorkingDays.isWorkingDay(target.toLocalDate())) {
            target = target.plusDays(1);
        }
        stack.scheduler().advance(Duration.between(now, target.toInstant()));
        return target.toLocalDate();
    }

    /** The code each e-mail recipient received, by address (all of them, in arrival order). */
    public static Map<String, List<String>> emailedCodes(LocalStack stack, String addressSuffix) {
        return emailedCodes(stack, addressSuffix, "Votre espace santé va être créé");
    }

    /** The code each recipient received in e-mails of that subject, by address. */
    public static Map<String, List<String>> emailedCodes(LocalStack stack, String addressSuffix, String subject) {
        Map<String, List<String>> codes = new HashMap<>();
        for (JsonNode email : Http.json(Http.get(stack.sesUrl() + "/store", null)).get("emails")) {
            String to = email.get("destination").get("to").get(0).asString();
            if (!to.endsWith(addressSuffix) || !email.get("subject").asString().equals(subject)) {
                continue;
            }
            Matcher m = CODE.matcher(email.get("body").get("text").asString());
            codes.computeIfAbsent(to, k -> new ArrayList<>()).add(m.find() ? m.group() : "SANS-CODE");
        }
        return codes;
    }

    public static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        return m.find() ? m.group() : null;
    }
}
