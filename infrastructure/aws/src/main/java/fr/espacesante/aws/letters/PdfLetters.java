package fr.espacesante.aws.letters;

import fr.espacesante.domain.campaign.CampaignNotices;
import fr.espacesante.domain.campaign.NotificationLetter;
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
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Votre espace santé");
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.clear();
            fixed.set(letter.sentOn().getYear(), letter.sentOn().getMonthValue() - 1, letter.sentOn().getDayOfMonth());
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            // A fixed /ID (PDFBox would otherwise derive it from the time): same letter, same bytes.
            byte[] id = documentId(letter);
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                write(text, BOLD, 10, 20, 20, List.of("Espace Santé", "Assurance Maladie"));
                // Window envelope: 110 mm from the left, 50 mm from the top, 4 lines at most.
                write(text, REGULAR, 11, 110, 50, List.of(letter.addressee(), letter.address().street(),
                        letter.address().postcode() + " " + letter.address().town()));
                write(text, REGULAR, 10, 20, 100, List.of("Le " + CampaignNotices.frenchDate(letter.sentOn())));
                write(text, BOLD, 13, 20, 112, List.of("Votre espace santé va être créé"));
                float top = 124;
                for (String paragraph : notices.notificationParagraphs(letter.code(), letter.deadline())) {
                    boolean isCode = paragraph.contains(letter.code());
                    List<String> lines = wrap(paragraph, isCode ? BOLD : REGULAR, isCode ? 13 : 11, 170 * MM);
                    write(text, isCode ? BOLD : REGULAR, isCode ? 13 : 11, 20, top, lines);
                    top += lines.size() * (isCode ? 6.5f : 5.5f) + 4;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] documentId(NotificationLetter letter) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((letter.waveId() + "|" + letter.personKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
