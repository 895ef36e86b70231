package fr.espacesante.aws.letters;

import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Letters other than the campaign's (closure confirmations, handover at 18), stored as PDF for the
 * print provider under {@code courriers/<reference>.pdf}; the letters bucket's lifecycle removes them
 * after a year, the purge of a deleted space those whose reference names it.
 */
public final class S3PostalMail implements PostalMail {

    private final S3Client s3;
    private final String bucket;
    private final PdfLetters pdf;

    public S3PostalMail(S3Client s3, String bucket, PdfLetters pdf) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pdf = pdf;
    }

    @Override
    public void post(Letter letter) {
        String key = "courriers/" + letter.reference() + ".pdf";
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromBytes(pdf.render(letter)));
    }
}
