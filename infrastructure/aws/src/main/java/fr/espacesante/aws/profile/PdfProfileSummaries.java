package fr.espacesante.aws.profile;

import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.ProfileEntry;
import fr.espacesante.domain.profile.ProfileSection;
import fr.espacesante.domain.profile.ProfileView;
import fr.espacesante.domain.profile.SectionField;
import fr.espacesante.domain.profile.SectionState;
import fr.espacesante.domain.profile.port.out.ProfileSummaries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The medical profile's summary, A4 pages in French rendered with PDFBox: every section (« non
 * concerné », « non renseigné » or its entries), the last value of each measurement and the BMI.
 * Text outside the standard fonts' encoding is shown as « ? » rather than failing.
 */
public final class PdfProfileSummaries implements ProfileSummaries {

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 20 * MM;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 40 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH'h'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    @Override
    public byte[] render(ProfileView profile, String holder, LocalDate on) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Synthèse du profil médical");
            Writer writer = new Writer(document);
            writer.line(BOLD, 9, "Espace Santé — synthèse établie le " + DAY.format(on) + " à partir du profil médical");
            writer.line(BOLD, 16, "Profil médical de " + holder);
            writer.gap(3);
            writer.line(REGULAR, 9, "Renseigné par la personne ou ses proches habilités ; ce n'est pas un document médical validé.");
            writer.gap(4);
            writer.line(BOLD, 12, "Mesures (dernière valeur)");
            boolean any = false;
            for (MeasurementType type : MeasurementType.values()) {
                Measurement m = profile.latest().get(type);
                if (m != null) {
                    any = true;
                    String value = m.value().toPlainString() + m.diastolic().map(d -> "/" + d.toPlainString()).orElse("");
                    writer.wrapped(REGULAR, 10, "• " + type.label() + " : " + value + " " + type.unitLabel() + " (" + WHEN.format(m.takenAt()) + ")");
                }
            }
            if (profile.bmi().isPresent()) {
                writer.wrapped(REGULAR, 10, "• Indice de masse corporelle (calculé) : " + profile.bmi().get().toPlainString() + " kg/m²");
            }
            if (!any) {
                writer.line(REGULAR, 10, "Non renseigné");
            }
            for (ProfileSection section : ProfileSection.values()) {
                SectionState state = profile.sections().get(section);
                if (state == null) {
                    continue;
                }
                writer.gap(3);
                writer.line(BOLD, 12, section.title());
                if (state.notConcernedSince().isPresent()) {
                    writer.line(REGULAR, 10, "Non concerné (déclaré le " + DAY.format(state.notConcernedSince().get()) + ")");
                } else if (state.entries().isEmpty()) {
                    writer.line(REGULAR, 10, "Non renseigné");
                }
                for (ProfileEntry entry : state.entries()) {
                    writer.wrapped(REGULAR, 10, "• " + describe(section, entry));
                }
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(ProfileSection section, ProfileEntry entry) {
        List<String> parts = new ArrayList<>();
        for (SectionField field : section.fields()) {
            String value = entry.values().get(field.name());
            if (value != null) {
                parts.add(field.label() + " : " + field.display(value));
            }
        }
        return String.join(" ; ", parts);
    }

    /** Lines down the page, a new page when full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float top;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            top = PDRectangle.A4.getHeight() - 20 * MM;
        }

        void gap(float mm) {
            top -= mm * MM;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (top - size < BOTTOM) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(LEFT, top - size);
            stream.showText(encodable(font, text));
            stream.endText();
            top -= size * 1.4f;
        }

        void wrapped(PDType1Font font, float size, String text) throws IOException {
            String safe = encodable(font, text);
            StringBuilder current = new StringBuilder();
            for (String word : safe.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    line(font, size, current.toString());
                    current = new StringBuilder("   " + word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (!current.isEmpty()) {
                line(font, size, current.toString());
            }
        }

        void close() throws IOException {
            stream.close();
        }

        private static String encodable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace('\u2019', '\'').codePoints().forEach(c -> {
                String ch = new String(Character.toChars(c));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException notInFont) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
