package fr.espacesante.aws.letters;

import fr.espacesante.domain.campaign.NotificationLetter;
import fr.espacesante.domain.campaign.port.out.LetterOffice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Letters and manifests in the letters bucket (KMS-encrypted by default):
 * {@code lettres/<wave>/<person key>.pdf} — one key per person and wave, so a retry overwrites
 * with the same bytes and can never add a second letter — and {@code manifestes/<wave>/<batch>.csv}.
 */
public final class S3LetterOffice implements LetterOffice {

    private final S3Client s3;
    private final String bucket;
    private final PdfLetters pdf;

    public S3LetterOffice(S3Client s3, String bucket, PdfLetters pdf) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pdf = pdf;
    }

    public static String letterKey(String waveId, String personKey) {
        return "lettres/" + waveId + "/" + personKey + ".pdf";
    }

    @Override
    public String store(NotificationLetter letter) {
        String key = letterKey(letter.waveId(), letter.personKey());
        // Encrypted by the bucket's default SSE-KMS with the data key (template), not per request.
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromBytes(pdf.render(letter)));
        return key;
    }

    @Override
    public String writeManifest(String waveId, String batchId, List<ManifestLine> letters) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.Builder.create().setDelimiter(';')
                .setHeader("lettre", "code_postal", "commune").setRecordSeparator('\n').get())) {
            for (ManifestLine line : letters.stream().sorted(java.util.Comparator.comparing(ManifestLine::postcode)
                    .thenComparing(ManifestLine::letterKey)).toList()) {
                printer.printRecord(line.letterKey(), line.postcode(), line.town());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String key = "manifestes/" + waveId + "/" + batchId + ".csv";
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(csv.toString(), StandardCharsets.UTF_8));
        return key;
    }
}
