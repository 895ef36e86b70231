package fr.espacesante.aws.letters;

import fr.espacesante.domain.campaign.CampaignNotices;
import fr.espacesante.domain.campaign.NotificationLetter;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import fr.espacesante.domain.person.PostalAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a notification letter as an A4 PDF with PDFBox. The address block sits where a French
 * C5/C6 window envelope shows it (about 110 mm from the left edge, 50 mm from the top, per the La
 * Poste layout), the sender in the upper left. The output is byte-for-byte deterministic (fixed
 * document dates): a retried render stores the very same letter.
 */
public final class PdfLetters {

    private static final float MM = 72f / 25.4f;
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final CampaignNotices notices;

    public PdfLetters(CampaignNotices notices) {
        this.notices = notices;
    }

    public byte[] render(NotificationLetter letter) {
        return page(letter.sentOn(), documentId(letter.waveId() + "|" + letter.personKey()), letter.addressee(),
                letter.address(), "Votre espace santé va être créé", text -> {
                    float top = 124;
                    for (String paragraph : notices.notificationParagraphs(letter.code(), letter.deadline())) {
                        boolean isCode = paragraph.contains(letter.code());
                        List<String> lines = wrap(paragraph, isCode ? BOLD : REGULAR, isCode ? 13 : 11, 170 * MM);
                        write(text, isCode ? BOLD : REGULAR, isCode ? 13 : 11, 20, top, lines);
                        top += lines.size() * (isCode ? 6.5f : 5.5f) + 4;
                    }
                });
    }

    /** Any other letter to a person: a title and paragraphs, in the same layout. */
    public byte[] render(PostalMail.Letter letter) {
        return page(letter.date(), documentId(letter.reference()),
                letter.addressee(), letter.address(), letter.title(), text -> {
                    float top = 124;
                    for (String paragraph : letter.paragraphs()) {
                        List<String> lines = wrap(paragraph, REGULAR, 11, 170 * MM);
                        write(text, REGULAR, 11, 20, top, lines);
                        top += lines.size() * 5.5f + 4;
                    }
                });
    }

    private interface Body {
        void write(PDPageContentStream text) throws IOException;
    }

    /** One A4 page: sender, window-envelope address, date, title, then the body; fixed dates and /ID. */
    private static byte[] page(java.time.LocalDate date, byte[] id, String addressee, PostalAddress address, String title,
                               Body body) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.clear();
            fixed.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            // A fixed /ID (PDFBox would otherwise derive it from the time): same letter, same bytes.
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                write(text, BOLD, 10, 20, 20, List.of("Espace Santé", "Assurance Maladie"));
                // Window envelope: 110 mm from the left, 50 mm from the top, 4 lines at most.
                write(text, REGULAR, 11, 110, 50, List.of(addressee, address.street(),
                        address.postcode() + " " + address.town()));
                write(text, REGULAR, 10, 20, 100, List.of("Le " + CampaignNotices.frenchDate(date)));
                write(text, BOLD, 13, 20, 112, List.of(title));
                body.write(text);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] documentId(String seed) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(digest, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(PDPageContentStream text, PDType1Font font, float size, float leftMm, float topMm,
                              List<String> lines) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.setLeading(size * 1.3f);
        text.newLineAtOffset(leftMm * MM, PAGE_HEIGHT - topMm * MM);
        for (String line : lines) {
            text.showText(winAnsi(line));
            text.newLine();
        }
        text.endText();
    }

    private static List<String> wrap(String paragraph, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(winAnsi(candidate)) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The standard fonts speak WinAnsi: typographic apostrophes and non-breaking spaces are mapped. */
    private static String winAnsi(String text) {
        return text.replace('\u2019', '\'').replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
