package fr.espacesante.aws.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.document.DocumentType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static Optional<DocumentType> sniff(String text) {
        return ContentSniffer.sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognises_each_accepted_type_from_its_bytes() {
        assertThat(sniff("%PDF-1.7\n%%EOF")).contains(DocumentType.PDF);
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1})).contains(DocumentType.JPEG);
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).contains(DocumentType.PNG);
        assertThat(sniff("Tension 12/8 — poursuite du traitement.\n")).contains(DocumentType.TEXT);
        assertThat(sniff("\uFEFF<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id/></ClinicalDocument>"))
                .contains(DocumentType.CDA_R2);
        assertThat(sniff("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}}]}"))
                .contains(DocumentType.FHIR_JSON);
    }

    @Test
    void refuses_look_alikes_and_everything_else() {
        assertThat(sniff("<!DOCTYPE html><html><body>%PDF-</body></html>")).isEmpty();
        assertThat(sniff("<ClinicalDocument><id/></ClinicalDocument>")).as("wrong namespace").isEmpty();
        assertThat(sniff("<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id>")).as("not well-formed").isEmpty();
        assertThat(sniff("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&e;</ClinicalDocument>")).as("no DTD, no external entity").isEmpty();
        assertThat(sniff("{\"status\":\"final\"}")).as("JSON without resourceType").isEmpty();
        assertThat(sniff("{\"resourceType\":\"Observation\"} trailing")).as("not one JSON object").isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})).as("Windows executable").isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1})).as("ELF executable").isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {'P', 'K', 3, 4, 20, 0})).as("zip").isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xC3, (byte) 0x28})).as("invalid UTF-8").isEmpty();
        assertThat(sniff("   ")).isEmpty();
    }
}
