package fr.espacesante.aws.caregiver;

import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.port.out.DesignationProofs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The proof of designation of a caregiver, one A4 page rendered with PDFBox. */
public final class PdfDesignationProofs implements DesignationProofs {

    private static final float MM = 72f / 25.4f;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    @Override
    public byte[] render(Designation d) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle("Attestation de désignation d'un aidant");
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float top = PDRectangle.A4.getHeight() - 25 * MM;
                top = line(text, BOLD, 10, top, "Espace Santé — Assurance Maladie");
                top = line(text, BOLD, 14, top - 10 * MM, "Attestation de désignation d'un aidant");
                for (String paragraph : List.of(
                        d.patientName() + " a désigné " + d.caregiverName() + " comme aidant dans son espace santé.",
                        "L'invitation a été acceptée le " + WHEN.format(d.since().atZone(ZoneId.of("Europe/Paris")))
                                + " par " + d.caregiverName() + ", connecté(e) avec sa propre identité.",
                        "L'aidant peut consulter les documents et en ajouter. Il ne peut ni gérer les accès, ni",
                        "fermer ou supprimer l'espace, ni masquer ou supprimer un document, ni désigner d'autres aidants.",
                        "Le patient comme l'aidant peuvent mettre fin à cette désignation à tout moment.")) {
                    top = line(text, REGULAR, 11, top - 4 * MM, paragraph);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream text, PDType1Font font, float size, float top, String value)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(20 * MM, top);
        text.showText(value.replace('\u2019', '\''));
        text.endText();
        return top - size * 1.4f;
    }
}
